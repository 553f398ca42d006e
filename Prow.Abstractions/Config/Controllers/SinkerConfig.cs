namespace Prow.Abstractions.Config.Controllers;

/// <summary>
/// Garbage collection of finished ProwJobs and pods. Defaults here differ from Prow on purpose:
/// finished ProwJobs go after 2 days (Prow: 7) and finished pods after 30 minutes (Prow: max_pod_age).
/// </summary>
public sealed class SinkerConfig
{
    /// <summary>How often a collection runs; defaults to 1h.</summary>
    public TimeSpan? ResyncPeriod { get; set; }

    /// <summary>Age after which a completed ProwJob is removed; defaults to 48h.</summary>
    [YamlDotNet.Serialization.YamlMember(Alias = "max_prowjob_age")]
    public TimeSpan? MaxProwJobAge { get; set; }

    /// <summary>Age after which a pod is removed; defaults to 24h.</summary>
    public TimeSpan? MaxPodAge { get; set; }

    /// <summary>How long a finished pod is kept; defaults to 30m.</summary>
    [YamlDotNet.Serialization.YamlMember(Alias = "terminated_pod_ttl")]
    public TimeSpan? TerminatedPodTtl { get; set; }

    /// <summary>Build clusters sinker leaves alone.</summary>
    public List<string>? ExcludeClusters { get; set; }
}
