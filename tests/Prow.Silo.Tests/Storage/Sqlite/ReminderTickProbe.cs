using System.Collections.Concurrent;

namespace Prow.Silo.Tests.Storage.Sqlite;

/// <summary>Lets a test await a reminder tick that has been persisted, without sleeping.</summary>
public sealed class ReminderTickProbe
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<int>> _next = new();

    public void Tick(string grainKey, int count) => Waiter(grainKey).TrySetResult(count);

    /// <summary>Completes with the persisted count of the first tick since the last <see cref="Reset"/>.</summary>
    public Task<int> NextTickAsync(string grainKey, TimeSpan timeout) => Waiter(grainKey).Task.WaitAsync(timeout);

    /// <summary>Forgets ticks seen so far, so the next wait needs a fresh one.</summary>
    public void Reset(string grainKey) => _next.TryRemove(grainKey, out _);

    private TaskCompletionSource<int> Waiter(string grainKey) =>
        _next.GetOrAdd(grainKey, static _ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
}
