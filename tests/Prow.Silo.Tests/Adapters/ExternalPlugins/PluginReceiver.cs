using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Prow.Silo.Tests.Adapters.ExternalPlugins;

/// <summary>
/// An external plugin stand-in: Kestrel on 127.0.0.1 (a free port) that records every POST (headers and
/// body) and answers each with the next status code from a script (then 200).
/// </summary>
internal sealed class PluginReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Queue<int> _statuses;
    private readonly Channel<ReceivedRequest> _received = Channel.CreateUnbounded<ReceivedRequest>();

    private PluginReceiver(WebApplication app, IEnumerable<int> statuses)
    {
        _app = app;
        _statuses = new Queue<int>(statuses);
    }

    public string Endpoint => _app.Urls.First() + "/hook";

    public static async Task<PluginReceiver> StartAsync(params int[] statuses)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new PluginReceiver(app, statuses);
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            int status;
            lock (receiver._statuses) status = receiver._statuses.Count > 0 ? receiver._statuses.Dequeue() : 200;
            await receiver._received.Writer.WriteAsync(new ReceivedRequest(headers, body.ToArray(), status));
            return Results.Text(status == 200 ? "ok" : "boom", statusCode: status);
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>The next request, or a timeout failure after 10 seconds.</summary>
    public async Task<ReceivedRequest> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
