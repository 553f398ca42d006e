using System.Collections.Concurrent;
using System.Text;
using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;
using Prow.Grains.Ports;

namespace Prow.Silo.Tests.Jobs;

/// <summary>
/// An in-memory build cluster for ProwJob grain tests: workloads by job name, each start, delete
/// and failure recorded; tests change a workload and report it through the host's IWorkloadEvents,
/// as an informer would. Survives host restarts (the same instance is given to the next host).
/// </summary>
public sealed class FakeBuildCluster : IBuildCluster
{
    private readonly ConcurrentDictionary<string, WorkloadObservation> _workloads = new();
    private readonly ConcurrentQueue<Exception> _failNextStart = new();

    public ConcurrentQueue<string> Starts { get; } = new();
    public ConcurrentQueue<string> Deletes { get; } = new();
    public ConcurrentDictionary<string, string> Logs { get; } = new();

    /// <summary>What a new workload looks like (default: running, started now).</summary>
    public Func<ProwJob, WorkloadObservation> NewWorkload { get; set; } = job => new WorkloadObservation
    {
        Phase = WorkloadPhase.Running,
        CreatedAt = DateTimeOffset.UtcNow,
        StartedAt = DateTimeOffset.UtcNow,
        BuildId = job.Status.BuildId,
    };

    public void FailNextStart(Exception e) => _failNextStart.Enqueue(e);

    public WorkloadObservation? Workload(string name) => _workloads.GetValueOrDefault(name);

    public void Set(string name, WorkloadObservation? observation)
    {
        if (observation is null) _workloads.TryRemove(name, out _);
        else _workloads[name] = observation;
    }

    public Task<WorkloadObservation> StartAsync(ProwJob job, CancellationToken cancellationToken = default)
    {
        if (_failNextStart.TryDequeue(out var failure)) throw failure;
        Starts.Enqueue(job.Name);
        return Task.FromResult(_workloads.GetOrAdd(job.Name, _ => NewWorkload(job)));
    }

    public Task<WorkloadObservation?> ObserveAsync(ProwJob job, CancellationToken cancellationToken = default) =>
        Task.FromResult(_workloads.GetValueOrDefault(job.Name));

    public Task DeleteAsync(ProwJob job, CancellationToken cancellationToken = default)
    {
        Deletes.Enqueue(job.Name);
        _workloads.TryRemove(job.Name, out _);
        return Task.CompletedTask;
    }

    public Task<Stream?> OpenLogAsync(ProwJob job, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream?>(Logs.TryGetValue(job.Name, out var log) ? new MemoryStream(Encoding.UTF8.GetBytes(log)) : null);
}

/// <summary>Clusters for tests: agent "kubernetes", cluster "default" → the fake.</summary>
public sealed class FakeBuildClusters(FakeBuildCluster cluster) : IBuildClusters
{
    public IBuildCluster? Find(string agent, string clusterName) =>
        agent == ProwJobAgents.Kubernetes && clusterName == ProwJobAgents.DefaultCluster ? cluster : null;

    public IReadOnlyCollection<string> Describe() => ["kubernetes/default"];
}
