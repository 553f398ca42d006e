using System.Collections.Concurrent;

namespace Prow.Silo.Storage.Sqlite;

/// <summary>
/// One per silo (a DI singleton): gives every provider that uses the same database file the same
/// <see cref="SqliteWriteQueue"/>, so grain storage and the reminder table share one writer and
/// its group commits instead of contending for SQLite's write lock. Disposing it drains and
/// closes the writers.
/// </summary>
public sealed class SqliteDatabaseRegistry : IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<SqliteWriteQueue>> _writers = new(StringComparer.Ordinal);

    /// <summary>Opens a handle on the database the options name.</summary>
    internal SqliteDatabase Open(SqliteDatabaseOptions options)
    {
        var settings = SqliteConnectionSettings.From(options);
        var writer = _writers
            .GetOrAdd(settings.FilePath, _ => new Lazy<SqliteWriteQueue>(() => new SqliteWriteQueue(settings, ct => SqliteDatabase.OpenConnectionAsync(settings, ct))))
            .Value;
        if (writer.Settings.SyncEveryCommit != settings.SyncEveryCommit)
            throw new InvalidOperationException(
                $"Providers on the SQLite file '{settings.FilePath}' disagree on {nameof(SqliteDatabaseOptions.SyncEveryCommit)}; configure them alike.");
        return new SqliteDatabase(settings, writer);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var writer in _writers.Values)
        {
            if (writer.IsValueCreated) await writer.Value.DisposeAsync().ConfigureAwait(false);
        }

        _writers.Clear();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
