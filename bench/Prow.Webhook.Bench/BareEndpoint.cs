using System.Net;
using System.Text;
using Orleans.Runtime;
using Orleans.Storage;
using Prow.Gateway.Webhooks;

namespace Prow.Webhook.Bench;

/// <summary>
/// The baselines: Kestrel that reads the body, verifies X-Hub-Signature-256 and answers 200; with a grain storage, it
/// first writes the body durably through it, as a row of its own per delivery (no grain, no routing, no processing).
/// </summary>
public static class BareEndpoint
{
    public static async Task<WebApplication> StartAsync(byte[] secret, IGrainStorage? storage = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            if (!HmacVerifier.Verify(body, context.Request.Headers["X-Hub-Signature-256"].ToString(), [secret])) return Results.StatusCode(403);
            if (storage is not null)
            {
                var delivery = GrainId.Create("bench-delivery", context.Request.Headers["X-GitHub-Delivery"].ToString());
                await storage.WriteStateAsync("delivery", delivery, new GrainState<string>(Encoding.UTF8.GetString(body)));
            }
            return Results.Text("event accepted\n");
        });
        await app.StartAsync();
        return app;
    }
}
