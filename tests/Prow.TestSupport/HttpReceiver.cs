using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Prow.TestSupport;

/// <summary>One request an <see cref="HttpReceiver"/> got, with the status it answered.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int Status, DateTimeOffset At)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant());
}

/// <summary>
/// A local HTTP endpoint (Kestrel on a free loopback port) that records every request and answers it:
/// queued failures first (<see cref="FailNext"/>), then <see cref="HoldStatus"/> while set, else 200 with <see cref="Body"/>.
/// </summary>
public sealed class HttpReceiver : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly List<ReceivedRequest> _requests = [];
    private readonly Queue<(int Status, string Body, string? RetryAfter)> _failures = new();
    private readonly WebApplication _app;

    private HttpReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>The receiver's base URL, with a trailing slash.</summary>
    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The body of a successful answer.</summary>
    public string Body { get; set; } = "ok";

    /// <summary>While set, every request is answered with this status (after the queued failures).</summary>
    public int? HoldStatus { get; set; }

    private TaskCompletionSource? _stall;

    /// <summary>From now on requests get no answer until <see cref="Release"/> (they are counted in <see cref="Stalled"/>).</summary>
    public void Stall()
    {
        lock (_lock) _stall ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Answers the stalled requests and stops stalling.</summary>
    public void Release()
    {
        TaskCompletionSource? stall;
        lock (_lock) (stall, _stall) = (_stall, null);
        stall?.TrySetResult();
    }

    /// <summary>How many requests are waiting for <see cref="Release"/>.</summary>
    public int Stalled => Volatile.Read(ref _stalled);

    private int _stalled;

    public static async Task<HttpReceiver> StartAsync()
    {
        var receiver = new HttpReceiver();
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseUri = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    /// <summary>The URL of <paramref name="path"/> on this receiver.</summary>
    public string Url(string path) => new Uri(BaseUri, path.TrimStart('/')).AbsoluteUri;

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="status"/> (and a Retry-After header when given).</summary>
    public void FailNext(int count, int status, string body = "", string? retryAfter = null)
    {
        lock (_lock)
        {
            for (var i = 0; i < count; i++) _failures.Enqueue((status, body, retryAfter));
        }
    }

    public IReadOnlyList<ReceivedRequest> Requests
    {
        get
        {
            lock (_lock) return [.. _requests];
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        Task? stall;
        lock (_lock) stall = _stall?.Task;
        if (stall is not null)
        {
            Interlocked.Increment(ref _stalled);
            await stall;
            Interlocked.Decrement(ref _stalled);
        }
        int status;
        string body;
        string? retryAfter = null;
        lock (_lock)
        {
            if (_failures.TryDequeue(out var failure)) (status, body, retryAfter) = failure;
            else if (HoldStatus is { } held) (status, body) = (held, "held");
            else (status, body) = (200, Body);
            _requests.Add(new ReceivedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
                buffer.ToArray(),
                status,
                DateTimeOffset.UtcNow));
        }
        context.Response.StatusCode = status;
        if (retryAfter is not null) context.Response.Headers.RetryAfter = retryAfter;
        await context.Response.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
