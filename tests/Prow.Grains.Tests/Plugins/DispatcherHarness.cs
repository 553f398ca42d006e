using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Prometheus;
using Prow.Abstractions.Webhooks;
using Prow.Grains.Plugins;
using Prow.Grains.Plugins.Hold;

namespace Prow.Grains.Tests.Plugins;

/// <summary>A <see cref="PluginDispatcher"/> over recording doubles, a private metrics registry and inline plugins.yaml.</summary>
internal sealed class DispatcherHarness
{
    public DispatcherHarness(string pluginsYaml, params IPlugin[] plugins)
    {
        Config = new TestConfigSource(pluginsYaml);
        Catalog = new PluginCatalog(plugins.Length == 0 ? [new HoldPlugin()] : plugins);
        Metrics = new PluginMetrics(Prometheus.Metrics.NewCustomRegistry());
        LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        Dispatcher = new PluginDispatcher(Catalog, Config, GitHub, External, Metrics, LoggerFactory, Time);
    }

    public RecordingGitHub GitHub { get; } = new();
    public RecordingExternalPluginSender External { get; } = new();
    public ListLoggerProvider Logs { get; } = new();
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    public TestConfigSource Config { get; }
    public PluginCatalog Catalog { get; }
    public PluginMetrics Metrics { get; }
    public ILoggerFactory LoggerFactory { get; }
    public PluginDispatcher Dispatcher { get; }

    public Task DispatchAsync(string eventType, string payload, string deliveryId = "delivery-1") =>
        Dispatcher.DispatchAsync(Webhook(eventType, payload, deliveryId));

    public static WebhookEvent Webhook(string eventType, string payload, string deliveryId = "delivery-1") =>
        new(eventType, deliveryId, payload, DateTimeOffset.UnixEpoch, new Dictionary<string, string>
        {
            ["X-GitHub-Event"] = eventType,
            ["X-GitHub-Delivery"] = deliveryId,
            ["Content-Type"] = "application/json",
        });

    /// <summary>How many times the duration histogram observed these labels.</summary>
    public long Observations(string eventType, string action, string plugin, bool tookAction) =>
        Metrics.HandleDuration.WithLabels(eventType, action, plugin, tookAction ? "true" : "false").Count;

    public double Errors(string eventType, string action, string plugin, bool tookAction) =>
        Metrics.HandleErrors.WithLabels(eventType, action, plugin, tookAction ? "true" : "false").Value;
}
