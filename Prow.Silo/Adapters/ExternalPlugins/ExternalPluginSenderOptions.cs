namespace Prow.Silo.Adapters.ExternalPlugins;

/// <summary>How webhooks are forwarded to external plugins.</summary>
public sealed class ExternalPluginSenderOptions
{
    /// <summary>Deliveries waiting to be sent; when full, new ones are dropped and logged.</summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>Deliveries sent at the same time.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>Attempts per delivery, the first included. Retried: connection failures, timeouts and 5xx.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The first retry's delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Time allowed for one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
