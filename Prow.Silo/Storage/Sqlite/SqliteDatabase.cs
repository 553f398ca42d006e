using Microsoft.Data.Sqlite;

namespace Prow.Silo.Storage.Sqlite;

/// <summary>
/// A provider's handle on the database file. Each read opens a pooled connection of its own
/// (Microsoft.Data.Sqlite connections are not thread-safe; pooling makes opening cheap) and runs
/// concurrently with other reads and the writer, which WAL allows. Writes go to the file's
/// single <see cref="SqliteWriteQueue"/>.
/// </summary>
internal sealed class SqliteDatabase(SqliteConnectionSettings settings, SqliteWriteQueue writer)
{
    public SqliteConnectionSettings Settings { get; } = settings;

    /// <summary>Runs a read on its own connection.</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return read(connection);
    }

    /// <summary>
    /// Runs statements on the writer connection inside its current batch transaction; completes
    /// once that transaction has committed. <paramref name="write"/> must not begin or end transactions.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, T> write, CancellationToken cancellationToken) =>
        writer.EnqueueAsync(write, cancellationToken);

    /// <summary>
    /// Creates the directory and file if needed, switches the file to WAL (a persistent setting)
    /// and brings <paramref name="component"/>'s tables up to date.
    /// </summary>
    /// <remarks>
    /// Runs on a connection of its own, outside the write queue (it needs its own transaction);
    /// should the writer hold the lock meanwhile, the busy timeout makes it wait.
    /// </remarks>
    public async Task EnsureSchemaAsync(string component, IReadOnlyList<string> migrations, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Settings.FilePath);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteScalar();
        }

        SqliteSchema.Migrate(connection, component, migrations);
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => OpenConnectionAsync(Settings, cancellationToken);

    /// <summary>Opens a pooled connection and applies the per-connection pragmas.</summary>
    public static async Task<SqliteConnection> OpenConnectionAsync(SqliteConnectionSettings settings, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = settings.ConnectionPragmas;
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
