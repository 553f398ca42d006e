using Prometheus;

namespace Prow.Gateway.Webhooks;

/// <summary>Prow hook's webhook metrics, same names and labels.</summary>
public static class WebhookMetrics
{
    public static readonly Counter Received = Metrics.CreateCounter(
        "prow_webhook_counter", "A counter of the webhooks made to prow.", "event_type");

    public static readonly Counter ResponseCodes = Metrics.CreateCounter(
        "prow_webhook_response_codes", "A counter of the different responses hook has responded to webhooks with.", "response_code");

    public static readonly Histogram AcceptDuration = Metrics.CreateHistogram(
        "prow_webhook_accept_duration_seconds", "Time from receiving a webhook to its owning grain having persisted it.",
        new HistogramConfiguration { LabelNames = ["event_type"], Buckets = Histogram.ExponentialBuckets(0.0005, 2, 14) });
}
