using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Prow.Gateway.Health;

namespace Prow.Gateway.Endpoints;

/// <summary>
/// <c>/healthz</c> (liveness: the process serves HTTP) and <c>/readyz</c> (readiness: every
/// <see cref="IReadinessCheck"/> passes), as Prow's components expose them.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("OK"));
        endpoints.MapGet("/readyz", (IServiceProvider services) =>
        {
            var reasons = services.GetServices<IReadinessCheck>()
                .Select(check => check.NotReadyReason())
                .OfType<string>()
                .ToList();
            return reasons.Count == 0
                ? Results.Text("OK")
                : Results.Text("not ready: " + string.Join("; ", reasons), statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
