using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Prow.Silo.Tests.Storage.Sqlite;

public sealed class SqliteGrainStorageTests : IDisposable
{
    private const string StateName = "counter";
    private readonly SqliteTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static GrainId Grain(string key) => GrainId.Create("prow.test.counter", key);

    private static GrainState<CounterState> State(int count, string? eTag = null) =>
        new(new CounterState { Count = count, Notes = [$"n{count}"] }, eTag!);

    [Fact]
    public async Task Read_MissingRow_ReturnsNewStateWithoutETag()
    {
        var storage = await _dir.CreateStorageAsync();
        var state = State(7, "stale");

        await storage.ReadStateAsync(StateName, Grain("a"), state);

        Assert.Equal(0, state.State!.Count);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task WriteThenRead_RoundTripsStateAndETag()
    {
        var storage = await _dir.CreateStorageAsync();
        var written = State(3);
        await storage.WriteStateAsync(StateName, Grain("a"), written);
        Assert.NotNull(written.ETag);
        Assert.True(written.RecordExists);

        var read = new GrainState<CounterState>();
        await storage.ReadStateAsync(StateName, Grain("a"), read);

        Assert.Equal(3, read.State!.Count);
        Assert.Equal(["n3"], read.State!.Notes);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task Write_WithCurrentETag_SucceedsAndChangesETag()
    {
        var storage = await _dir.CreateStorageAsync();
        var state = State(1);
        await storage.WriteStateAsync(StateName, Grain("a"), state);
        var first = state.ETag;

        state.State!.Count = 2;
        await storage.WriteStateAsync(StateName, Grain("a"), state);

        Assert.NotEqual(first, state.ETag);
        var read = new GrainState<CounterState>();
        await storage.ReadStateAsync(StateName, Grain("a"), read);
        Assert.Equal(2, read.State!.Count);
    }

    [Fact]
    public async Task Write_WithStaleETag_ThrowsInconsistentStateAndKeepsStoredState()
    {
        var storage = await _dir.CreateStorageAsync();
        var winner = State(1);
        await storage.WriteStateAsync(StateName, Grain("a"), winner);
        var loser = State(100, winner.ETag);
        await storage.WriteStateAsync(StateName, Grain("a"), winner);

        var ex = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, Grain("a"), loser));

        Assert.Equal(winner.ETag, ex.StoredEtag);
        var read = new GrainState<CounterState>();
        await storage.ReadStateAsync(StateName, Grain("a"), read);
        Assert.Equal(1, read.State!.Count);
    }

    [Fact]
    public async Task Write_WithNullETagWhenRowExists_ThrowsInconsistentState()
    {
        var storage = await _dir.CreateStorageAsync();
        await storage.WriteStateAsync(StateName, Grain("a"), State(1));

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, Grain("a"), State(2)));
    }

    [Fact]
    public async Task Write_WithETagWhenNoRowExists_ThrowsInconsistentState()
    {
        var storage = await _dir.CreateStorageAsync();

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, Grain("a"), State(1, "invented")));
    }

    [Fact]
    public async Task Clear_ThenRead_ReturnsEmptyStateAndContinuesETagChain()
    {
        var storage = await _dir.CreateStorageAsync();
        var state = State(5);
        await storage.WriteStateAsync(StateName, Grain("a"), state);
        var beforeClear = state.ETag;

        await storage.ClearStateAsync(StateName, Grain("a"), state);

        Assert.False(state.RecordExists);
        Assert.Equal(0, state.State!.Count);
        Assert.NotNull(state.ETag);
        Assert.NotEqual(beforeClear, state.ETag);
        var read = new GrainState<CounterState>();
        await storage.ReadStateAsync(StateName, Grain("a"), read);
        Assert.False(read.RecordExists);
        Assert.Equal(0, read.State!.Count);
        Assert.Equal(state.ETag, read.ETag);

        // A writer that never saw the tombstone conflicts; one holding its ETag succeeds.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, Grain("a"), State(9)));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, Grain("a"), State(9, beforeClear)));
        read.State!.Count = 6;
        await storage.WriteStateAsync(StateName, Grain("a"), read);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task Clear_WithDeleteStateOnClear_RemovesRow()
    {
        var storage = await _dir.CreateStorageAsync(deleteStateOnClear: true);
        var state = State(5);
        await storage.WriteStateAsync(StateName, Grain("a"), state);

        await storage.ClearStateAsync(StateName, Grain("a"), state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        var read = new GrainState<CounterState>();
        await storage.ReadStateAsync(StateName, Grain("a"), read);
        Assert.Null(read.ETag);
        Assert.False(read.RecordExists);
        await storage.WriteStateAsync(StateName, Grain("a"), State(1));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Clear_WithStaleETag_ThrowsAndKeepsState(bool deleteStateOnClear)
    {
        var storage = await _dir.CreateStorageAsync(deleteStateOnClear: deleteStateOnClear);
        var state = State(5);
        await storage.WriteStateAsync(StateName, Grain("a"), state);
        var stale = State(0, state.ETag);
        await storage.WriteStateAsync(StateName, Grain("a"), state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, Grain("a"), stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, Grain("a"), State(0)));

        var read = new GrainState<CounterState>();
        await storage.ReadStateAsync(StateName, Grain("a"), read);
        Assert.Equal(5, read.State!.Count);
    }

    [Fact]
    public async Task Clear_WithNoRowAndNoETag_IsANoOp()
    {
        var storage = await _dir.CreateStorageAsync();
        var state = State(0);

        await storage.ClearStateAsync(StateName, Grain("a"), state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task Keys_SeparateGrainTypesKeysAndStateNames()
    {
        var storage = await _dir.CreateStorageAsync();
        await storage.WriteStateAsync(StateName, Grain("a"), State(1));
        await storage.WriteStateAsync("other", Grain("a"), State(2));
        await storage.WriteStateAsync(StateName, Grain("b"), State(3));
        await storage.WriteStateAsync(StateName, GrainId.Create("prow.test.other", "a"), State(4));

        var counts = new List<int>();
        foreach (var (name, grain) in new[] { (StateName, Grain("a")), ("other", Grain("a")), (StateName, Grain("b")), (StateName, GrainId.Create("prow.test.other", "a")) })
        {
            var read = new GrainState<CounterState>();
            await storage.ReadStateAsync(name, grain, read);
            counts.Add(read.State!.Count);
        }

        Assert.Equal([1, 2, 3, 4], counts);
    }

    [Fact]
    public async Task ConcurrentWriters_ToDifferentGrains_AllSucceed()
    {
        var storage = await _dir.CreateStorageAsync();
        const int grains = 40;
        const int writesPerGrain = 10;

        await Task.WhenAll(Enumerable.Range(0, grains).Select(g => Task.Run(async () =>
        {
            var state = State(0);
            for (var i = 1; i <= writesPerGrain; i++)
            {
                state.State!.Count = i;
                await storage.WriteStateAsync(StateName, Grain($"g{g}"), state);
            }
        })));

        for (var g = 0; g < grains; g++)
        {
            var read = new GrainState<CounterState>();
            await storage.ReadStateAsync(StateName, Grain($"g{g}"), read);
            Assert.Equal(writesPerGrain, read.State!.Count);
        }
    }

    [Fact]
    public async Task ConcurrentWriters_WithTheSameETag_ExactlyOneWins()
    {
        var storage = await _dir.CreateStorageAsync();
        var initial = State(0);
        await storage.WriteStateAsync(StateName, Grain("a"), initial);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await storage.WriteStateAsync(StateName, Grain("a"), State(i, initial.ETag));
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        })));

        Assert.Single(outcomes, won => won);
    }
}
