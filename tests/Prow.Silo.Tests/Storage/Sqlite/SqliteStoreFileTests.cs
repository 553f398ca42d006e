using Microsoft.Data.Sqlite;
using Orleans;
using Orleans.Runtime;
using Prow.Silo.Storage.Sqlite;

namespace Prow.Silo.Tests.Storage.Sqlite;

/// <summary>The database file across provider instances: durability, sharing, schema versions.</summary>
public sealed class SqliteStoreFileTests : IDisposable
{
    private const string StateName = "counter";
    private readonly SqliteTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static GrainId Grain(string key) => GrainId.Create("prow.test.counter", key);

    private static GrainState<CounterState> State(int count, string? eTag = null) =>
        new(new CounterState { Count = count, Notes = [$"n{count}"] }, eTag!);

    [Fact]
    public async Task NewProviderOnSameFile_ReadsStateWrittenBeforeDispose()
    {
        var firstRegistry = new SqliteDatabaseRegistry();
        var first = await _dir.CreateStorageAsync(firstRegistry);
        var state = State(42);
        await first.WriteStateAsync(StateName, Grain("durable"), state);
        await firstRegistry.DisposeAsync();
        SqliteConnection.ClearAllPools();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => first.WriteStateAsync(StateName, Grain("durable"), state));

        var second = await _dir.CreateStorageAsync();
        var read = new GrainState<CounterState>();
        await second.ReadStateAsync(StateName, Grain("durable"), read);

        Assert.True(File.Exists(_dir.DatabasePath));
        Assert.Equal(42, read.State!.Count);
        Assert.Equal(state.ETag, read.ETag);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task StorageAndReminders_SharingOneFile_DoNotFailWithBusy()
    {
        var registry = _dir.NewRegistry();
        var storage = await _dir.CreateStorageAsync(registry);
        var reminders = await _dir.CreateReminderTableAsync(registry);
        // A second registry stands in for another process: its writes are not gated with ours
        // and rely on the busy timeout instead.
        var outsider = await _dir.CreateStorageAsync(_dir.NewRegistry());

        var work = Enumerable.Range(0, 30).SelectMany(i => new Func<Task>[]
        {
            () => storage.WriteStateAsync(StateName, Grain($"s{i}"), State(i)),
            () => outsider.WriteStateAsync(StateName, Grain($"o{i}"), State(i)),
            () => reminders.UpsertRow(new ReminderEntry
            {
                GrainId = Grain($"r{i}"), ReminderName = "tick", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(1),
            }),
        });
        await Task.WhenAll(work.Select(Task.Run));

        Assert.Equal(30, (await reminders.ReadRows(0, 0)).Reminders.Count);
    }

    [Fact]
    public async Task Initialize_Twice_IsIdempotentAndKeepsData()
    {
        var storage = await _dir.CreateStorageAsync();
        await storage.WriteStateAsync(StateName, Grain("a"), State(1));

        await storage.InitializeAsync(CancellationToken.None);

        var read = new GrainState<CounterState>();
        await storage.ReadStateAsync(StateName, Grain("a"), read);
        Assert.Equal(1, read.State!.Count);
    }

    [Fact]
    public async Task Initialize_OnFileFromNewerSchema_Refuses()
    {
        await _dir.CreateStorageAsync();
        await using (var connection = new SqliteConnection($"Data Source={_dir.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE prow_schema SET version = 99 WHERE component = 'grain_state';";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => _dir.CreateStorageAsync());
        Assert.Contains("newer than this build supports", ex.Message);
    }
}
