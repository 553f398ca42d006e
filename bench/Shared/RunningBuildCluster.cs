using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;
using Prow.Grains.Ports;

namespace Prow.Bench;

/// <summary>
/// A build cluster that accepts every workload and reports it running at once and for ever: the benchmarks
/// measure ProwJob grains, storage, listing and reporting, not starting processes or pods. Linked into each
/// bench project that needs it.
/// </summary>
public sealed class RunningBuildCluster : IBuildCluster, IBuildClusters
{
    private static readonly DateTimeOffset Started = DateTimeOffset.UtcNow;
    private static readonly WorkloadObservation Running = new() { Phase = WorkloadPhase.Running, CreatedAt = Started, StartedAt = Started };

    public Task<WorkloadObservation> StartAsync(ProwJob job, CancellationToken cancellationToken = default) => Task.FromResult(Running);
    public Task<WorkloadObservation?> ObserveAsync(ProwJob job, CancellationToken cancellationToken = default) => Task.FromResult<WorkloadObservation?>(Running);
    public Task DeleteAsync(ProwJob job, CancellationToken cancellationToken = default) => Task.CompletedTask;
    public Task<Stream?> OpenLogAsync(ProwJob job, CancellationToken cancellationToken = default) => Task.FromResult<Stream?>(null);
    public IBuildCluster? Find(string agent, string cluster) => this;
    public IReadOnlyCollection<string> Describe() => ["bench/running"];
}
