using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;

namespace Prow.Grains.Ports;

/// <summary>
/// Where a ProwJob's workload runs: one build cluster of one agent (a Kubernetes cluster's pod
/// namespace, Knative Builds or Tekton PipelineRuns in it, or the local process runner). The
/// workload has the ProwJob's name (<c>metadata.name</c>), so every call is idempotent by name.
/// </summary>
public interface IBuildCluster
{
    /// <summary>
    /// Creates the job's workload. If one with the job's name already exists (a retried create, a
    /// restart, a lost reply — Kubernetes answers 409) it is adopted and observed instead, so a job
    /// never gets two builds. Throws <see cref="BuildClusterException"/>; a permanent one (the
    /// cluster refuses the object, e.g. 422 invalid) means the job cannot start.
    /// </summary>
    Task<WorkloadObservation> StartAsync(ProwJob job, CancellationToken cancellationToken = default);

    /// <summary>The workload's current state, or null when it does not exist.</summary>
    Task<WorkloadObservation?> ObserveAsync(ProwJob job, CancellationToken cancellationToken = default);

    /// <summary>Deletes the workload (and, for local processes, kills its whole process tree). Absent is not an error.</summary>
    Task DeleteAsync(ProwJob job, CancellationToken cancellationToken = default);

    /// <summary>
    /// The workload's log (the test container's output), or null when there is none (yet). The
    /// caller disposes the stream.
    /// </summary>
    Task<Stream?> OpenLogAsync(ProwJob job, CancellationToken cancellationToken = default);
}

/// <summary>
/// Finds the build cluster for a job by <c>spec.agent</c> and <c>spec.cluster</c> (empty cluster =
/// <see cref="ProwJobAgents.DefaultCluster"/>).
/// </summary>
public interface IBuildClusters
{
    /// <summary>The cluster, or null when this deployment has no such agent or cluster (the job then errors with a clear description).</summary>
    IBuildCluster? Find(string agent, string cluster);

    /// <summary>The agent/cluster pairs this deployment can run, for error messages and health output.</summary>
    IReadOnlyCollection<string> Describe();
}

/// <summary>
/// Where a build cluster reports workload changes it sees (a watch event, a local process exiting):
/// the silo forwards them to the owning ProwJob grain. Adapters call this from any thread; a change
/// that is lost is healed by the grain's periodic <see cref="IBuildCluster.ObserveAsync"/>.
/// </summary>
public interface IWorkloadEvents
{
    /// <summary>The workload of <paramref name="prowJobName"/> changed; null when it is gone.</summary>
    Task WorkloadChangedAsync(string prowJobName, WorkloadObservation? observation);
}

/// <summary>A build cluster call failed. <see cref="Permanent"/>: retrying the same request cannot succeed.</summary>
public sealed class BuildClusterException(string message, bool permanent, Exception? inner = null)
    : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
