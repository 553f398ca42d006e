namespace Prow.Grains.Webhooks;

/// <summary>
/// Group commit for one grain's persisted state that interleaving calls change at once (a repository's head index):
/// <see cref="WriteAsync"/> returns once a write begun after the call has completed, and callers arriving while a write
/// is in flight share the next one, so a burst costs two writes instead of one each. Writes never overlap.
/// </summary>
/// <remarks>Use from the grain's own scheduler only (not thread-safe, as grain code need not be).</remarks>
public sealed class SharedWrite(Func<Task> write)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private Task? _next;

    public Task WriteAsync() => _next ??= RunAsync();

    /// <summary>
    /// The last write failed, so changes made before it may exist only in memory: a caller whose own change turns out
    /// to be there already (a retry) must still write rather than report it saved.
    /// </summary>
    public bool Unsaved { get; private set; }

    private async Task RunAsync()
    {
        // Return to WriteAsync first, so _next holds this task before the write begins; otherwise a free lock lets this
        // run into the write synchronously and later callers would join a write already serialised.
        await Task.Yield();
        await _lock.WaitAsync();
        try
        {
            // From here on a caller's change may miss this write's serialisation: it joins the next one.
            _next = null;
            try
            {
                await write();
                Unsaved = false;
            }
            catch
            {
                Unsaved = true;
                throw;
            }
        }
        finally
        {
            _lock.Release();
        }
    }
}
