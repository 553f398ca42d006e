using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Prow.Silo.Storage.Sqlite;

/// <summary>
/// The effective connection settings derived from <see cref="SqliteDatabaseOptions"/>: the full
/// path of the database file and the connection string every connection is opened with.
/// </summary>
internal sealed record SqliteConnectionSettings(string FilePath, string ConnectionString, TimeSpan BusyTimeout, bool SyncEveryCommit)
{
    /// <summary>Builds the settings, or throws <see cref="ArgumentException"/> saying what is wrong.</summary>
    public static SqliteConnectionSettings From(SqliteDatabaseOptions options)
    {
        var hasPath = !string.IsNullOrWhiteSpace(options.DatabasePath);
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (hasPath == hasConnectionString)
            throw new ArgumentException($"set exactly one of {nameof(options.DatabasePath)} or {nameof(options.ConnectionString)}");
        // Zero would not mean "fail at once": Microsoft.Data.Sqlite reads a zero command timeout as "retry forever".
        if (options.BusyTimeout <= TimeSpan.Zero)
            throw new ArgumentException($"{nameof(options.BusyTimeout)} must be positive");

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = hasPath
                ? new SqliteConnectionStringBuilder { DataSource = options.DatabasePath }
                : new SqliteConnectionStringBuilder(options.ConnectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            throw new ArgumentException($"{nameof(options.ConnectionString)} is not a valid SQLite connection string: {ex.Message}", ex);
        }

        var dataSource = builder.DataSource;
        if (string.IsNullOrWhiteSpace(dataSource) || dataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
            throw new ArgumentException("an in-memory or temporary database does not survive a restart; name a database file");
        if (builder.Mode == SqliteOpenMode.ReadOnly)
            throw new ArgumentException("the database is opened read-only (Mode=ReadOnly); the store must be writable");

        var filePath = Path.GetFullPath(dataSource);
        builder.DataSource = filePath;
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.Pooling = true;
        // Command timeout (seconds) bounds Microsoft.Data.Sqlite's own retry loop on SQLITE_BUSY.
        builder.DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds);
        return new SqliteConnectionSettings(filePath, builder.ToString(), options.BusyTimeout, options.SyncEveryCommit);
    }

    /// <summary>The pragmas every connection needs; <c>busy_timeout</c> and <c>synchronous</c> are per connection.</summary>
    public string ConnectionPragmas => string.Create(
        CultureInfo.InvariantCulture,
        $"PRAGMA busy_timeout = {(long)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = {(SyncEveryCommit ? "FULL" : "NORMAL")};");
}
