using Microsoft.Data.Sqlite;
using Prow.Silo.Storage.Sqlite;

namespace Prow.Silo.Tests.Storage.Sqlite;

public sealed class SqliteWriteQueueTests : IDisposable
{
    private readonly SqliteTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<SqliteDatabase> OpenAsync(SqliteDatabaseRegistry registry)
    {
        var database = registry.Open(new SqliteReminderOptions { DatabasePath = _dir.DatabasePath });
        await database.EnsureSchemaAsync("test", ["CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY, v INTEGER NOT NULL);"], CancellationToken.None);
        return database;
    }

    private static Func<SqliteConnection, int> Execute(string sql) => connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    };

    private static Task<long> CountAsync(SqliteDatabase database) => database.ReadAsync(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM t;";
        return (long)command.ExecuteScalar()!;
    }, CancellationToken.None);

    /// <summary>Holds the writer inside a batch until released, so writes queued meanwhile share the next part of that batch.</summary>
    private static Task<int> HoldWriter(SqliteDatabase database, ManualResetEventSlim release) =>
        database.WriteAsync(_ => release.Wait(TimeSpan.FromSeconds(10)) ? 0 : throw new TimeoutException(), CancellationToken.None);

    [Fact]
    public async Task FailingStatement_InABatch_FailsOnlyItsOwnWrite()
    {
        var database = await OpenAsync(_dir.NewRegistry());
        await database.WriteAsync(Execute("INSERT INTO t VALUES ('taken', 1);"), CancellationToken.None);
        using var release = new ManualResetEventSlim();

        var holder = HoldWriter(database, release);
        var before = database.WriteAsync(Execute("INSERT INTO t VALUES ('a', 1);"), CancellationToken.None);
        var duplicate = database.WriteAsync(Execute("INSERT INTO t VALUES ('taken', 2);"), CancellationToken.None);
        var after = database.WriteAsync(Execute("INSERT INTO t VALUES ('b', 1);"), CancellationToken.None);
        release.Set();

        Assert.Equal(0, await holder);
        Assert.Equal(1, await before);
        await Assert.ThrowsAsync<SqliteException>(() => duplicate);
        Assert.Equal(1, await after);
        Assert.Equal(3, await CountAsync(database));
    }

    [Fact]
    public async Task TransactionRolledBack_FailsTheWholeBatchAndLaterWritesSucceed()
    {
        var database = await OpenAsync(_dir.NewRegistry());
        using var release = new ManualResetEventSlim();

        var holder = HoldWriter(database, release);
        var before = database.WriteAsync(Execute("INSERT INTO t VALUES ('a', 1);"), CancellationToken.None);
        var rollback = database.WriteAsync<int>(connection =>
        {
            // Stands in for an I/O error after which SQLite abandons the transaction.
            Execute("ROLLBACK;")(connection);
            throw new InvalidOperationException("disk trouble");
        }, CancellationToken.None);
        release.Set();

        await Assert.ThrowsAnyAsync<Exception>(() => holder);
        await Assert.ThrowsAnyAsync<Exception>(() => before);
        await Assert.ThrowsAnyAsync<Exception>(() => rollback);
        Assert.Equal(0, await CountAsync(database));
        Assert.Equal(1, await database.WriteAsync(Execute("INSERT INTO t VALUES ('b', 1);"), CancellationToken.None));
        Assert.Equal(1, await CountAsync(database));
    }

    [Fact]
    public async Task ManyConcurrentWrites_AreAllCommitted()
    {
        var database = await OpenAsync(_dir.NewRegistry());

        await Task.WhenAll(Enumerable.Range(0, 500).Select(i =>
            database.WriteAsync(Execute($"INSERT INTO t VALUES ('k{i}', {i});"), CancellationToken.None)));

        Assert.Equal(500, await CountAsync(database));
    }

    [Fact]
    public async Task CancelledBeforeItRuns_IsNotApplied()
    {
        var database = await OpenAsync(_dir.NewRegistry());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => database.WriteAsync(Execute("INSERT INTO t VALUES ('x', 1);"), cancelled.Token));

        Assert.Equal(0, await CountAsync(database));
    }

    [Fact]
    public async Task Dispose_DrainsQueuedWritesThenRefusesNewOnes()
    {
        var registry = new SqliteDatabaseRegistry();
        var database = await OpenAsync(registry);
        var queued = Enumerable.Range(0, 50).Select(i => database.WriteAsync(Execute($"INSERT INTO t VALUES ('k{i}', {i});"), CancellationToken.None)).ToArray();

        await registry.DisposeAsync();

        await Task.WhenAll(queued);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => database.WriteAsync(Execute("INSERT INTO t VALUES ('late', 1);"), CancellationToken.None));
        Assert.Equal(50, await CountAsync(await OpenAsync(_dir.NewRegistry())));
    }

    [Fact]
    public async Task LockHeldByAnotherProcess_FailsWritesAfterBusyTimeoutThenRecovers()
    {
        await OpenAsync(_dir.NewRegistry()); // creates the table
        var database = _dir.NewRegistry().Open(new SqliteReminderOptions { DatabasePath = _dir.DatabasePath, BusyTimeout = TimeSpan.FromMilliseconds(200) });
        await using (var other = new SqliteConnection($"Data Source={_dir.DatabasePath};Pooling=False"))
        {
            await other.OpenAsync();
            await using var hold = other.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE;";
            await hold.ExecuteNonQueryAsync();

            var ex = await Assert.ThrowsAsync<SqliteException>(() => database.WriteAsync(Execute("INSERT INTO t VALUES ('x', 1);"), CancellationToken.None));
            Assert.Equal(5, ex.SqliteErrorCode); // SQLITE_BUSY
        }

        Assert.Equal(1, await database.WriteAsync(Execute("INSERT INTO t VALUES ('x', 1);"), CancellationToken.None));
    }

    [Fact]
    public void ProvidersOnOneFile_MustAgreeOnSyncLevel()
    {
        var registry = _dir.NewRegistry();
        registry.Open(new SqliteStorageOptions { DatabasePath = _dir.DatabasePath, SyncEveryCommit = true });

        var ex = Assert.Throws<InvalidOperationException>(() =>
            registry.Open(new SqliteReminderOptions { DatabasePath = _dir.DatabasePath, SyncEveryCommit = false }));

        Assert.Contains(nameof(SqliteDatabaseOptions.SyncEveryCommit), ex.Message);
    }
}
