namespace Prow.Grains.Webhooks;

/// <summary>How webhook inboxes behave (configure with <c>services.Configure&lt;InboxOptions&gt;</c>).</summary>
public sealed class InboxOptions
{
    /// <summary>
    /// Period of the reminder that keeps a grain with unprocessed events alive across restarts.
    /// Orleans' minimum reminder period is 1 minute unless lowered (tests lower both).
    /// </summary>
    public TimeSpan ResumePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Delivery IDs remembered per grain for de-duplication.</summary>
    public int RecentDeliveryCapacity { get; set; } = 1000;

    /// <summary>Attempts at processing one event before it is logged as given up (dead-lettered).</summary>
    public int MaxAttempts { get; set; } = 10;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);
}
