namespace Prow.Grains.Jobs;

/// <summary>The phase of a job's workload, in Kubernetes pod terms (other agents map onto it).</summary>
[GenerateSerializer]
[Alias("prow.jobs.WorkloadPhase")]
public enum WorkloadPhase
{
    /// <summary>Accepted but not running: unscheduled (no start time) or pulling images (start time set).</summary>
    Pending,
    Running,
    Succeeded,
    Failed,

    /// <summary>The node stopped reporting.</summary>
    Unknown,
}
