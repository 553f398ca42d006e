using Prometheus;

namespace Prow.Grains.Plugins;

/// <summary>Prow's hook metrics for plugin handlers (<c>pkg/githubeventserver/metrics.go</c>): same names, labels and buckets.</summary>
public sealed class PluginMetrics
{
    private static readonly string[] Labels = ["event_type", "action", "plugin", "took_action"];

    public PluginMetrics(CollectorRegistry registry)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        HandleDuration = factory.CreateHistogram(
            "prow_plugin_handle_duration_seconds",
            "How long Prow took to handle an event by plugin, event type and action.",
            new HistogramConfiguration
            {
                LabelNames = Labels,
                Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 80, 160, 320, 640],
            });
        HandleErrors = factory.CreateCounter(
            "prow_plugin_handle_errors",
            "Prow errors handling an event by plugin, event type and action.",
            new CounterConfiguration { LabelNames = Labels });
    }

    public Histogram HandleDuration { get; }

    public Counter HandleErrors { get; }

    public void Observe(string eventType, string action, string plugin, bool tookAction, TimeSpan took, bool failed)
    {
        string[] values = [eventType, action, plugin, tookAction ? "true" : "false"];
        if (failed) HandleErrors.WithLabels(values).Inc();
        HandleDuration.WithLabels(values).Observe(took.TotalSeconds);
    }
}
