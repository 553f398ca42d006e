namespace Prow.Silo.Storage.Sqlite;

/// <summary>
/// Where the embedded SQLite database lives and how connections to it behave. Shared by the
/// grain storage and the reminder table, which may (and by default do) use the same file.
/// Set exactly one of <see cref="DatabasePath"/> or <see cref="ConnectionString"/>.
/// </summary>
public abstract class SqliteDatabaseOptions
{
    /// <summary>Conventional file name of the database inside the host's data directory.</summary>
    public const string DefaultFileName = "prow.db";

    /// <summary>Path of the database file; its directory is created on start if missing.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>
    /// A full Microsoft.Data.Sqlite connection string, for callers that need keywords beyond
    /// the file path. In-memory databases are rejected: this store exists to survive restarts.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// How long a statement waits for another connection (usually another process) to release
    /// the database lock before failing with SQLITE_BUSY.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// SQLite <c>synchronous</c> level for WAL mode. <c>true</c> (FULL, the default) syncs the
    /// WAL on every commit, so an acknowledged write survives power loss; <c>false</c> (NORMAL)
    /// only survives process crashes but makes commits cheaper.
    /// </summary>
    public bool SyncEveryCommit { get; set; } = true;
}
