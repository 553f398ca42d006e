namespace Prow.Grains.Periodics;

/// <summary>How periodic grains pace themselves (configure with <c>services.Configure&lt;PeriodicOptions&gt;</c>).</summary>
public sealed class PeriodicOptions
{
    /// <summary>
    /// The shortest reminder period, and how often a periodic whose last run is still running looks
    /// whether it has completed (horologium's tick). Orleans' minimum is 1 minute unless lowered (tests lower it).
    /// </summary>
    public TimeSpan MinimumPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest reminder period: a periodic due later than this is woken this often, so a lost
    /// reminder tick, a clock jump or a reminder table repair is healed within this time.
    /// </summary>
    public TimeSpan MaximumPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Delay before a failed sync of the periodics with the configuration is retried.</summary>
    public TimeSpan SyncRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many periodic grains a sync ensures at the same time.</summary>
    public int SyncParallelism { get; set; } = 16;
}
