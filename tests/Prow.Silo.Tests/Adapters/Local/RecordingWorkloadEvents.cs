using Prow.Grains.Jobs;
using Prow.Grains.Ports;

namespace Prow.Silo.Tests.Adapters.Local;

/// <summary>Records reported workload changes; tests await the one they expect instead of sleeping.</summary>
internal sealed class RecordingWorkloadEvents : IWorkloadEvents
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly Lock _gate = new();
    private readonly List<(string Name, WorkloadObservation? Observation)> _events = [];
    private readonly List<(string Name, Func<WorkloadObservation?, bool> Match, TaskCompletionSource<WorkloadObservation?> Signal)> _waiters = [];

    public IReadOnlyList<(string Name, WorkloadObservation? Observation)> Events
    {
        get
        {
            lock (_gate) return _events.ToList();
        }
    }

    public Task WorkloadChangedAsync(string prowJobName, WorkloadObservation? observation)
    {
        lock (_gate)
        {
            _events.Add((prowJobName, observation));
            foreach (var waiter in _waiters.Where(w => w.Name == prowJobName && w.Match(observation)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult(observation);
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>The first change of <paramref name="name"/> (already reported or to come) that matches.</summary>
    public Task<WorkloadObservation?> WaitForAsync(string name, Func<WorkloadObservation?, bool> match)
    {
        lock (_gate)
        {
            foreach (var (n, observation) in _events)
            {
                if (n == name && match(observation)) return Task.FromResult(observation);
            }
            var signal = new TaskCompletionSource<WorkloadObservation?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((name, match, signal));
            return signal.Task.WaitAsync(Timeout);
        }
    }

    /// <summary>Waits for the run of <paramref name="name"/> to succeed or fail.</summary>
    public async Task<WorkloadObservation> FinishedAsync(string name) =>
        (await WaitForAsync(name, o => o?.Phase is WorkloadPhase.Succeeded or WorkloadPhase.Failed))!;
}
