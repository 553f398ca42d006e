using Prow.Abstractions.Config;
using Prow.Abstractions.Config.Controllers;
using Prow.Abstractions.Jobs;

namespace Prow.Grains.Jobs;

/// <summary>
/// The limits plank applies to one job: plank's pod_pending_timeout (10m), pod_unscheduled_timeout
/// (5m), pod_running_timeout (48h) and max_revivals (3), each overridable by the job's
/// decoration_config; plus, for agents without Prow's entrypoint, the decoration timeout.
/// </summary>
public sealed record PlankTimeouts(TimeSpan PodPending, TimeSpan PodUnscheduled, TimeSpan PodRunning, int MaxRevivals)
{
    /// <summary>entrypoint's default test timeout.</summary>
    public static readonly TimeSpan DefaultDecorationTimeout = TimeSpan.FromHours(2);

    /// <summary>entrypoint's default grace period between interrupt and kill.</summary>
    public static readonly TimeSpan DefaultDecorationGracePeriod = TimeSpan.FromSeconds(15);

    public static PlankTimeouts Defaults { get; } = new(
        ComponentDefaults.PlankPodPendingTimeout, ComponentDefaults.PlankPodUnscheduledTimeout,
        ComponentDefaults.PlankPodRunningTimeout, ComponentDefaults.PlankMaxRevivals);

    /// <summary>
    /// The test's timeout when this agent must enforce it itself (no entrypoint in the workload):
    /// the job ends once it has run for this plus <see cref="DecorationGracePeriod"/>. Null: not enforced.
    /// </summary>
    public TimeSpan? DecorationTimeout { get; init; }

    public TimeSpan DecorationGracePeriod { get; init; } = DefaultDecorationGracePeriod;

    /// <summary>plank's limits from the config (Prow's defaults for unset ones).</summary>
    public static PlankTimeouts FromConfig(PlankConfig plank) => new(
        plank.PodPendingTimeout ?? Defaults.PodPending,
        plank.PodUnscheduledTimeout ?? Defaults.PodUnscheduled,
        plank.PodRunningTimeout ?? Defaults.PodRunning,
        plank.MaxRevivals ?? Defaults.MaxRevivals);

    /// <summary>
    /// These limits with the job's decoration_config overrides; with <paramref name="enforceDecorationTimeout"/>
    /// a decorated job also gets its decoration timeout (default 2h) and grace period (default 15s).
    /// </summary>
    public PlankTimeouts ForJob(ProwJobSpec spec, bool enforceDecorationTimeout = false)
    {
        var decoration = spec.DecorationConfig;
        if (decoration is null) return this;
        return this with
        {
            PodPending = decoration.PodPendingTimeout ?? PodPending,
            PodUnscheduled = decoration.PodUnscheduledTimeout ?? PodUnscheduled,
            PodRunning = decoration.PodRunningTimeout ?? PodRunning,
            DecorationTimeout = enforceDecorationTimeout ? decoration.Timeout ?? DefaultDecorationTimeout : null,
            DecorationGracePeriod = decoration.GracePeriod ?? DefaultDecorationGracePeriod,
        };
    }
}
