using System.Collections.Concurrent;
using Prow.Grains.Jobs;
using Prow.Grains.Ports;

namespace Prow.Silo.Tests.Adapters.Kubernetes;

/// <summary>Records every change an informer delivers; can be told to throw.</summary>
internal sealed class RecordingWorkloadEvents : IWorkloadEvents
{
    private readonly ConcurrentQueue<(string Name, WorkloadObservation? Observation)> _changes = new();

    public Func<string, bool> Fail { get; set; } = _ => false;

    public IReadOnlyList<(string Name, WorkloadObservation? Observation)> Changes => _changes.ToList();

    public Task WorkloadChangedAsync(string prowJobName, WorkloadObservation? observation)
    {
        _changes.Enqueue((prowJobName, observation));
        if (Fail(prowJobName)) throw new InvalidOperationException("grain unavailable");
        return Task.CompletedTask;
    }

    /// <summary>The last change delivered for a workload, or (false, null) when none.</summary>
    public (bool Seen, WorkloadObservation? Observation) Last(string name) =>
        _changes.Reverse().FirstOrDefault(c => c.Name == name) is { Name: not null } last ? (true, last.Observation) : (false, null);
}
