namespace Prow.Grains.Jobs;

/// <summary>
/// What the build cluster (or local runner) says about a job's workload, reduced to what plank's
/// rules read from a pod. An absent workload is a null observation.
/// </summary>
[GenerateSerializer]
[Alias("prow.jobs.WorkloadObservation")]
public sealed record WorkloadObservation
{
    /// <summary>Pod phase.</summary>
    [Id(0)] public required WorkloadPhase Phase { get; init; }

    /// <summary>When the workload was created (pod metadata.creationTimestamp).</summary>
    [Id(1)] public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When it was scheduled to a node (pod status.startTime); null while unscheduled.</summary>
    [Id(2)] public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Deletion has begun (pod metadata.deletionTimestamp set).</summary>
    [Id(3)] public bool Deleting { get; init; }

    /// <summary>Pod status.reason, e.g. "Evicted" or "NodeLost".</summary>
    [Id(4)] public string Reason { get; init; } = "";

    /// <summary>A container or init container terminated with reason OOMKilled.</summary>
    [Id(5)] public bool OomKilled { get; init; }

    /// <summary>Every container and init container terminated with exit code 0 and a finish time.</summary>
    [Id(6)] public bool AllContainersSucceeded { get; init; }

    /// <summary>The build id the workload carries (its prow.k8s.io/build-id label), if any.</summary>
    [Id(7)] public string BuildId { get; init; } = "";
}
