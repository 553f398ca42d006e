using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prow.Abstractions.Webhooks;
using Prow.Grains.Ports;
using Prow.Silo.Adapters.ExternalPlugins;
using Prow.TestSupport;

namespace Prow.Silo.Tests.Adapters.ExternalPlugins;

public sealed class HttpExternalPluginSenderTests : IAsyncLifetime
{
    private readonly LogCollector _logs = new();
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug))
            .AddExternalPluginSender(o =>
            {
                o.RetryDelay = TimeSpan.FromMilliseconds(10);
                o.MaxAttempts = 3;
            })
            .BuildServiceProvider();
        foreach (var hosted in _services.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        foreach (var hosted in _services.GetServices<IHostedService>()) await hosted.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }

    private IExternalPluginSender Sender => _services.GetRequiredService<IExternalPluginSender>();

    private static WebhookEvent Webhook(string deliveryId) => new(
        "issue_comment", deliveryId, WebhookPayloads.Load("issue_comment.created"), DateTimeOffset.UnixEpoch,
        new Dictionary<string, string>
        {
            ["X-GitHub-Event"] = "issue_comment",
            ["X-GitHub-Delivery"] = deliveryId,
            ["X-Hub-Signature"] = "sha1=0123456789abcdef0123456789abcdef01234567",
            ["X-Hub-Signature-256"] = "sha256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            ["Content-Type"] = "application/json",
            ["User-Agent"] = "GitHub-Hookshot/044aadd",
        });

    [Fact]
    public async Task Delivery_PostsTheOriginalBodyAndHeaders()
    {
        await using var plugin = await PluginReceiver.StartAsync();
        var webhook = Webhook("72d3162e-cc78-11e3-81ab-4c9367dc0958");

        Sender.Enqueue(new ExternalPluginDelivery("cherrypicker", plugin.Endpoint, webhook));
        var request = await plugin.NextAsync();

        Assert.Equal(Encoding.UTF8.GetBytes(webhook.Payload), request.Body);
        Assert.Equal("issue_comment", request.Headers["X-GitHub-Event"]);
        Assert.Equal("72d3162e-cc78-11e3-81ab-4c9367dc0958", request.Headers["X-GitHub-Delivery"]);
        Assert.Equal(webhook.Headers["X-Hub-Signature"], request.Headers["X-Hub-Signature"]);
        Assert.Equal(webhook.Headers["X-Hub-Signature-256"], request.Headers["X-Hub-Signature-256"]);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal("ProwHook", request.Headers["User-Agent"]);
        await Eventually.Until(() => _logs.Lines.Any(l => l.StartsWith("Information: Dispatched event 72d3162e", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10), "the success log line");
    }

    [Fact]
    public async Task ServerError_IsRetried_WithTheSameBody()
    {
        await using var plugin = await PluginReceiver.StartAsync(500);
        var webhook = Webhook("retry-1");

        Sender.Enqueue(new ExternalPluginDelivery("flaky", plugin.Endpoint, webhook));
        var first = await plugin.NextAsync();
        var second = await plugin.NextAsync();

        Assert.Equal(500, first.AnsweredWith);
        Assert.Equal(200, second.AnsweredWith);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal("retry-1", second.Headers["X-GitHub-Delivery"]);
        await Eventually.Until(() => _logs.Lines.Any(l => l.StartsWith("Information: Dispatched event retry-1", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10), "the success log line after the retry");
        Assert.Contains(_logs.Lines, l => l.StartsWith("Warning: Retrying event retry-1 to external plugin flaky", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClientError_IsNotRetried_AndIsLoggedWithTheDeliveryId()
    {
        await using var plugin = await PluginReceiver.StartAsync(404, 200);

        Sender.Enqueue(new ExternalPluginDelivery("missing", plugin.Endpoint, Webhook("not-found-1")));
        Assert.Equal(404, (await plugin.NextAsync()).AnsweredWith);

        await Eventually.Until(() => _logs.Lines.Any(l => l.StartsWith("Error: Error dispatching event not-found-1", StringComparison.Ordinal) && l.Contains("status 404", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10), "the failure log line");
        Sender.Enqueue(new ExternalPluginDelivery("missing", plugin.Endpoint, Webhook("next")));
        Assert.Equal("next", (await plugin.NextAsync()).Headers["X-GitHub-Delivery"]);
    }

    [Fact]
    public async Task ConnectionFailures_AreRetriedThenLogged()
    {
        var closedPort = FreePorts.Next();

        Sender.Enqueue(new ExternalPluginDelivery("gone", $"http://127.0.0.1:{closedPort}/hook", Webhook("refused-1")));

        await Eventually.Until(() => _logs.Lines.Any(l => l.StartsWith("Error: Error dispatching event refused-1 (issue_comment) to external plugin gone", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10), "the failure log line");
        Assert.Equal(2, _logs.Lines.Count(l => l.StartsWith("Warning: Retrying event refused-1", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Stopping_SendsWhatIsQueued_AndRefusesNewDeliveries()
    {
        await using var plugin = await PluginReceiver.StartAsync();
        Sender.Enqueue(new ExternalPluginDelivery("late", plugin.Endpoint, Webhook("queued-before-stop")));

        foreach (var hosted in _services.GetServices<IHostedService>()) await hosted.StopAsync(CancellationToken.None);
        Sender.Enqueue(new ExternalPluginDelivery("late", plugin.Endpoint, Webhook("after-stop")));

        Assert.Equal("queued-before-stop", (await plugin.NextAsync()).Headers["X-GitHub-Delivery"]);
        Assert.Contains(_logs.Lines, l => l.StartsWith("Error: External plugin queue is closed (shutting down): dropping event after-stop", StringComparison.Ordinal));
    }
}
