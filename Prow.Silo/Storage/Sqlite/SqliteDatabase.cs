using Microsoft.Data.Sqlite;

namespace Prow.Silo.Storage.Sqlite;

/// <summary>
/// A provider's handle on the database file. Every operation opens a pooled connection
/// (Microsoft.Data.Sqlite connections are not thread-safe; pooling makes opening cheap).
/// Readers run concurrently (WAL lets them read while a write is in progress); writers take the
/// file's in-process gate first, because SQLite admits one writer at a time anyway.
/// </summary>
internal sealed class SqliteDatabase(SqliteConnectionSettings settings, SemaphoreSlim writeGate)
{
    public SqliteConnectionSettings Settings { get; } = settings;

    /// <summary>Runs a read on its own connection.</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return read(connection);
    }

    /// <summary>Runs a write (one statement or an explicit transaction) while holding the write gate.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, T> write, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            return write(connection);
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>
    /// Creates the directory and file if needed, switches the file to WAL (a persistent setting)
    /// and brings <paramref name="component"/>'s tables up to date.
    /// </summary>
    public Task EnsureSchemaAsync(string component, IReadOnlyList<string> migrations, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Settings.FilePath);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        return WriteAsync(connection =>
        {
            using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode = WAL;";
                wal.ExecuteScalar();
            }

            SqliteSchema.Migrate(connection, component, migrations);
            return true;
        }, cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(Settings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = Settings.ConnectionPragmas;
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
