using Orleans;
using Orleans.Runtime;

namespace Prow.Silo.Tests.Storage.Sqlite;

public sealed class SqliteReminderTableTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
    private readonly SqliteTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static GrainId Grain(string key) => GrainId.Create("prow.test.reminded", key);

    private static ReminderEntry Entry(GrainId grain, string name, int periodMinutes = 5) =>
        new() { GrainId = grain, ReminderName = name, StartAt = Start, Period = TimeSpan.FromMinutes(periodMinutes) };

    [Fact]
    public async Task ReadRow_Missing_ReturnsNull()
    {
        var table = await _dir.CreateReminderTableAsync();

        Assert.Null(await table.ReadRow(Grain("a"), "tick"));
    }

    [Fact]
    public async Task Upsert_ThenReadRow_ReturnsEntryWithTheReturnedETag()
    {
        var table = await _dir.CreateReminderTableAsync();

        var eTag = await table.UpsertRow(Entry(Grain("a"), "tick"));

        var row = await table.ReadRow(Grain("a"), "tick");
        Assert.NotNull(row);
        Assert.Equal(Grain("a"), row.GrainId);
        Assert.Equal("tick", row.ReminderName);
        Assert.Equal(Start, row.StartAt);
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
        Assert.Equal(TimeSpan.FromMinutes(5), row.Period);
        Assert.Equal(eTag, row.ETag);
    }

    [Fact]
    public async Task Upsert_Existing_UpdatesRowAndReturnsNewETag()
    {
        var table = await _dir.CreateReminderTableAsync();
        var first = await table.UpsertRow(Entry(Grain("a"), "tick"));

        var second = await table.UpsertRow(Entry(Grain("a"), "tick", periodMinutes: 10));

        Assert.NotEqual(first, second);
        var rows = (await table.ReadRows(Grain("a"))).Reminders;
        var row = Assert.Single(rows);
        Assert.Equal(TimeSpan.FromMinutes(10), row.Period);
        Assert.Equal(second, row.ETag);
    }

    [Fact]
    public async Task ReadRows_ByGrain_ReturnsOnlyThatGrainsReminders()
    {
        var table = await _dir.CreateReminderTableAsync();
        await table.UpsertRow(Entry(Grain("a"), "one"));
        await table.UpsertRow(Entry(Grain("a"), "two"));
        await table.UpsertRow(Entry(Grain("b"), "one"));

        var rows = (await table.ReadRows(Grain("a"))).Reminders;

        Assert.Equal(["one", "two"], rows.Select(r => r.ReminderName).Order());
        Assert.All(rows, r => Assert.Equal(Grain("a"), r.GrainId));
    }

    [Fact]
    public async Task ReadRows_ByHashRange_UsesRingSemantics()
    {
        var table = await _dir.CreateReminderTableAsync();
        var grains = Enumerable.Range(0, 10).Select(i => Grain($"g{i}")).OrderBy(g => g.GetUniformHashCode()).ToArray();
        foreach (var grain in grains) await table.UpsertRow(Entry(grain, "tick"));
        uint Hash(int i) => grains[i].GetUniformHashCode();
        async Task<GrainId[]> Range(uint begin, uint end) =>
            (await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId).OrderBy(g => g.GetUniformHashCode()).ToArray();

        // begin < end: (begin, end] — begin excluded, end included.
        Assert.Equal(grains[3..6], await Range(Hash(2), Hash(5)));
        // begin > end: the range wraps past uint.MaxValue.
        GrainId[] wrapped = [.. grains[..2], .. grains[8..]];
        Assert.Equal(wrapped, await Range(Hash(7), Hash(1)));
        // begin == end: the whole ring.
        Assert.Equal(grains, await Range(Hash(4), Hash(4)));
        Assert.Equal(grains, await Range(0, uint.MaxValue));
        Assert.Empty(await Range(Hash(9), uint.MaxValue));
    }

    [Fact]
    public async Task RemoveRow_WithStaleETag_FailsAndKeepsRow()
    {
        var table = await _dir.CreateReminderTableAsync();
        var stale = await table.UpsertRow(Entry(Grain("a"), "tick"));
        await table.UpsertRow(Entry(Grain("a"), "tick"));

        Assert.False(await table.RemoveRow(Grain("a"), "tick", stale!));

        Assert.NotNull(await table.ReadRow(Grain("a"), "tick"));
    }

    [Fact]
    public async Task RemoveRow_WithCurrentETag_RemovesOnlyThatReminder()
    {
        var table = await _dir.CreateReminderTableAsync();
        var eTag = await table.UpsertRow(Entry(Grain("a"), "tick"));
        await table.UpsertRow(Entry(Grain("a"), "tock"));

        Assert.True(await table.RemoveRow(Grain("a"), "tick", eTag!));

        Assert.Null(await table.ReadRow(Grain("a"), "tick"));
        Assert.NotNull(await table.ReadRow(Grain("a"), "tock"));
        Assert.False(await table.RemoveRow(Grain("a"), "tick", eTag!));
    }

    [Fact]
    public async Task Upsert_WithLocalStartTime_StoresUtc()
    {
        var table = await _dir.CreateReminderTableAsync();
        var local = Start.ToLocalTime();

        await table.UpsertRow(new ReminderEntry { GrainId = Grain("a"), ReminderName = "tick", StartAt = local, Period = TimeSpan.FromMinutes(1) });

        Assert.Equal(Start, (await table.ReadRow(Grain("a"), "tick"))!.StartAt);
    }

    [Fact]
    public async Task TestOnlyClearTable_RemovesEverything()
    {
        var table = await _dir.CreateReminderTableAsync();
        await table.UpsertRow(Entry(Grain("a"), "tick"));
        await table.UpsertRow(Entry(Grain("b"), "tick"));

        await table.TestOnlyClearTable();

        Assert.Empty((await table.ReadRows(0, 0)).Reminders);
    }

    [Fact]
    public async Task NewTableOnSameFile_ReadsRemindersWrittenBefore()
    {
        var firstRegistry = new Prow.Silo.Storage.Sqlite.SqliteDatabaseRegistry();
        var first = await _dir.CreateReminderTableAsync(firstRegistry);
        var eTag = await first.UpsertRow(Entry(Grain("durable"), "tick"));
        await firstRegistry.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var second = await _dir.CreateReminderTableAsync();

        Assert.Equal(eTag, (await second.ReadRow(Grain("durable"), "tick"))?.ETag);
    }
}
