using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prow.Abstractions;
using Prow.Abstractions.Config;
using Prow.Abstractions.PullRequests;
using Prow.Abstractions.Repos;
using Prow.Abstractions.Webhooks;
using Prow.Gateway.Webhooks;

namespace Prow.Gateway.Endpoints;

/// <summary>
/// <c>POST /hook</c>: GitHub webhooks. Answers 200 only once the owning grain has persisted the
/// delivery (or for deliberately ignored ones); 400/401/403/405/413/415 name what is wrong with the
/// request. Nothing a sender puts in a request makes it answer 5xx.
/// </summary>
public static class HookEndpoints
{
    private static readonly string[] KeptHeaders =
    [
        "X-GitHub-Event", "X-GitHub-Delivery", "X-Hub-Signature", "X-Hub-Signature-256", "Content-Type", "User-Agent",
        "X-GitHub-Hook-ID", "X-GitHub-Hook-Installation-Target-ID", "X-GitHub-Hook-Installation-Target-Type",
    ];

    public static IEndpointRouteBuilder MapHook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/hook", HandleAsync);
        endpoints.MapMethods("/hook", ["GET", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"], (HttpContext context) =>
        {
            context.Response.Headers.Allow = "POST";
            return Answer(StatusCodes.Status405MethodNotAllowed, "only POST is accepted on /hook");
        });
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, HmacSecretStore secrets, IGrainFactory grains,
        IConfigSource config, IOptions<HookOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        var started = Stopwatch.GetTimestamp();
        var request = context.Request;
        var logger = loggers.CreateLogger("Prow.Gateway.Hook");

        if (!IsJson(request.ContentType))
            return Answer(StatusCodes.Status415UnsupportedMediaType, "hook only accepts content-type: application/json - please reconfigure this hook on GitHub");
        var eventType = request.Headers["X-GitHub-Event"].ToString();
        if (eventType.Length == 0) return Answer(StatusCodes.Status400BadRequest, "missing X-GitHub-Event header");
        var deliveryId = request.Headers["X-GitHub-Delivery"].ToString();
        if (deliveryId.Length == 0) return Answer(StatusCodes.Status400BadRequest, "missing X-GitHub-Delivery header");
        var signature = request.Headers["X-Hub-Signature-256"].ToString();
        if (signature.Length == 0) return Answer(StatusCodes.Status401Unauthorized, "missing X-Hub-Signature-256 header");

        var body = await ReadBodyAsync(request, options.Value.MaxBodyBytes, context.RequestAborted);
        if (body is null) return Answer(StatusCodes.Status413PayloadTooLarge, $"body larger than {options.Value.MaxBodyBytes} bytes");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return Answer(StatusCodes.Status400BadRequest, $"body is not valid JSON: {ex.Message}");
        }
        using (document)
        {
            var (ownerOrg, ownerRepo) = WebhookRouter.Owner(document.RootElement);
            var tokens = secrets.Current?.For(ownerOrg, ownerRepo);
            if (tokens is null) return Answer(StatusCodes.Status403Forbidden, "no HMAC secret is configured (--hmac-secret-file); refusing webhooks");
            if (tokens.Count == 0)
                return Answer(StatusCodes.Status403Forbidden, $"no HMAC secret in --hmac-secret-file applies to {ownerOrg ?? "this sender"}{(ownerRepo is null ? "" : "/" + ownerRepo)}");
            if (!HmacVerifier.Verify(body, signature, tokens)) return Answer(StatusCodes.Status403Forbidden, "invalid X-Hub-Signature-256");

            WebhookMetrics.Received.WithLabels(eventType).Inc();
            var route = WebhookRouter.Route(eventType, document.RootElement);
            if (route.Kind == WebhookRouteKind.Invalid) return Answer(StatusCodes.Status400BadRequest, $"invalid {eventType} payload: {route.Reason}");
            if (route.Kind == WebhookRouteKind.Ignore) return Answer(StatusCodes.Status200OK, route.Reason!);
            if (WebhookRouter.ModelProblem(eventType, body) is { } problem)
                return Answer(StatusCodes.Status400BadRequest, $"invalid {eventType} payload: {problem}");
            if (!HasPlugins(config.Current, route.Org!, route.Repo!))
                return Answer(StatusCodes.Status200OK, $"no plugins are enabled for {route.Org}/{route.Repo}");

            var webhook = new WebhookEvent(eventType, deliveryId, Encoding.UTF8.GetString(body), time.GetUtcNow(), Headers(request));
            AcceptResult result;
            try
            {
                result = route.Kind == WebhookRouteKind.PullRequest
                    ? await grains.GetPullRequestGrain(new PullRequestKey(route.Org!, route.Repo!, route.Number)).Accept(webhook)
                    : await grains.GetRepoGrain(new RepoKey(route.Org!, route.Repo!)).Accept(webhook);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not hand delivery {DeliveryId} ({EventType}) for {Org}/{Repo} to its grain", deliveryId, eventType, route.Org, route.Repo);
                return Answer(StatusCodes.Status503ServiceUnavailable, "the event could not be stored; please redeliver it");
            }
            WebhookMetrics.AcceptDuration.WithLabels(eventType).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
            return Answer(StatusCodes.Status200OK, result == AcceptResult.Duplicate ? "duplicate delivery; already accepted" : "event accepted");
        }
    }

    private static bool HasPlugins(ConfigSnapshot snapshot, string org, string repo) =>
        snapshot.Plugins is { } plugins && (plugins.EnabledPluginsFor(org, repo).Count > 0 || plugins.ExternalPluginsFor(org, repo).Count > 0);

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The body, or null when it exceeds <paramref name="limit"/>. With a Content-Length (GitHub always
    /// sends one) it is read straight into an array of that size; a chunked body is read through a
    /// pooled buffer.
    /// </summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length)
        {
            if (length > limit) return null;
            var body = new byte[length];
            await request.Body.ReadExactlyAsync(body, cancellationToken);
            return body;
        }
        using var buffer = new MemoryStream();
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }

    private static Dictionary<string, string> Headers(HttpRequest request)
    {
        var kept = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in KeptHeaders)
        {
            if (request.Headers.TryGetValue(name, out var value) && value.Count > 0) kept[name] = value.ToString();
        }
        return kept;
    }

    private static IResult Answer(int statusCode, string message)
    {
        WebhookMetrics.ResponseCodes.WithLabels(statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
        return Results.Text(message + "\n", "text/plain", statusCode: statusCode);
    }

    /// <summary>Services /hook needs; <paramref name="hmacSecretFile"/> null refuses every delivery.</summary>
    public static IServiceCollection AddHook(this IServiceCollection services, string? hmacSecretFile) =>
        services.AddSingleton(sp => new HmacSecretStore(hmacSecretFile, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<HmacSecretStore>>()));
}
