using System.Collections.Concurrent;

namespace Prow.Silo.Storage.Sqlite;

/// <summary>
/// One per silo (a DI singleton): hands every provider that uses the same database file the
/// same in-process write gate, so grain storage and the reminder table queue for SQLite's
/// single writer slot in memory instead of spinning on SQLITE_BUSY.
/// </summary>
public sealed class SqliteDatabaseRegistry
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _writeGates = new(StringComparer.Ordinal);

    /// <summary>Opens a handle on the database the options name.</summary>
    internal SqliteDatabase Open(SqliteDatabaseOptions options)
    {
        var settings = SqliteConnectionSettings.From(options);
        var gate = _writeGates.GetOrAdd(settings.FilePath, static _ => new SemaphoreSlim(1, 1));
        return new SqliteDatabase(settings, gate);
    }
}
