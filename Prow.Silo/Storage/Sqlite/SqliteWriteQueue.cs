using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Prow.Silo.Storage.Sqlite;

/// <summary>
/// The single writer of one database file in this process, with group commit. SQLite admits one
/// writer at a time and a durable commit costs an fsync, so instead of many connections queueing
/// for the lock (blocking thread-pool threads in SQLite's busy handler) callers enqueue their
/// statements and await; one loop runs everything queued so far in one transaction and commits
/// once. Each operation reports its own result (an ETag mismatch is a result, not an error) and
/// succeeds only if the commit does.
/// </summary>
internal sealed class SqliteWriteQueue : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<CancellationToken, Task<SqliteConnection>> _open;
    private readonly Task _loop;

    public SqliteWriteQueue(SqliteConnectionSettings settings, Func<CancellationToken, Task<SqliteConnection>> open)
    {
        Settings = settings;
        _open = open;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The settings the writer connection was opened with; every provider on the file must agree.</summary>
    public SqliteConnectionSettings Settings { get; }

    public Task<T> EnqueueAsync<T>(Func<SqliteConnection, T> write, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite<T>(write, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(SqliteWriteQueue), "The SQLite store is shut down.");
        return pending.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        SqliteConnection? connection = null;
        var batch = new List<PendingWrite>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                try
                {
                    connection ??= await _open(CancellationToken.None).ConfigureAwait(false);
                    RunBatch(connection, batch);
                }
                catch (Exception ex)
                {
                    // Opening, beginning or committing failed: nothing in the batch is durable.
                    // If not even the transaction began (e.g. another process held the lock past
                    // the busy timeout), fail what is queued rather than retry it forever.
                    if (batch.Count == 0)
                    {
                        while (_queue.Reader.TryRead(out var queued)) batch.Add(queued);
                    }

                    foreach (var pending in batch) pending.Fail(ex);
                    // Start over with a fresh connection next time.
                    if (connection is not null) await connection.DisposeAsync().ConfigureAwait(false);
                    connection = null;
                }

                batch.Clear();
            }
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void RunBatch(SqliteConnection connection, List<PendingWrite> batch)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
        {
            if (!pending.Start()) continue; // cancelled while queued
            batch.Add(pending);
            try
            {
                pending.Execute(connection);
            }
            catch (Exception ex) when (raw.sqlite3_get_autocommit(connection.Handle) == 0)
            {
                // Statement-level failure: SQLite undid this statement only; the batch goes on.
                batch.RemoveAt(batch.Count - 1);
                pending.Fail(ex);
            }
        }

        transaction.Commit();
        foreach (var pending in batch) pending.Succeed();
    }

    private abstract class PendingWrite
    {
        /// <summary>False when the caller cancelled before the write ran.</summary>
        public abstract bool Start();

        public abstract void Execute(SqliteConnection connection);

        public abstract void Succeed();

        public abstract void Fail(Exception exception);
    }

    private sealed class PendingWrite<T>(Func<SqliteConnection, T> write, CancellationToken cancellationToken) : PendingWrite
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;

        public Task<T> Task => _completion.Task;

        public override bool Start()
        {
            if (!cancellationToken.IsCancellationRequested) return true;
            _completion.TrySetCanceled(cancellationToken);
            return false;
        }

        public override void Execute(SqliteConnection connection) => _result = write(connection);

        public override void Succeed() => _completion.TrySetResult(_result);

        public override void Fail(Exception exception) => _completion.TrySetException(exception);
    }
}
