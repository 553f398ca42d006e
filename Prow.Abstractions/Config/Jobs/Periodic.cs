using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Jobs;

/// <summary>A job that runs on a timer: exactly one of cron, interval or minimum_interval.</summary>
public sealed class Periodic : JobBase
{
    /// <summary>Go duration between two starts (deprecated in Prow in favour of cron).</summary>
    public string Interval { get; set; } = "";

    /// <summary>Go duration between the end of one run and the start of the next.</summary>
    public string MinimumInterval { get; set; } = "";

    /// <summary>Cron schedule: 5 fields (or 6 with seconds) or a descriptor such as @daily or "@every 1h".</summary>
    public string Cron { get; set; } = "";

    /// <summary>Free-form tags.</summary>
    public List<string>? Tags { get; set; }

    /// <summary>Retry policy for failed runs.</summary>
    public Retry? Retry { get; set; }

    /// <summary><see cref="Interval"/> parsed (set by validation).</summary>
    [YamlIgnore]
    public TimeSpan? IntervalDuration { get; set; }

    /// <summary><see cref="MinimumInterval"/> parsed (set by validation).</summary>
    [YamlIgnore]
    public TimeSpan? MinimumIntervalDuration { get; set; }
}
