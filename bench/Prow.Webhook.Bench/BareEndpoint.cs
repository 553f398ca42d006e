using System.Net;
using Prow.Gateway.Webhooks;

namespace Prow.Webhook.Bench;

/// <summary>The baseline: Kestrel that reads the body, verifies X-Hub-Signature-256 and answers 200. Nothing stored.</summary>
public static class BareEndpoint
{
    public static async Task<WebApplication> StartAsync(byte[] secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var ok = HmacVerifier.Verify(buffer.ToArray(), context.Request.Headers["X-Hub-Signature-256"].ToString(), [secret]);
            return ok ? Results.Text("event accepted\n") : Results.StatusCode(403);
        });
        await app.StartAsync();
        return app;
    }
}
