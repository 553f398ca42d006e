using Prow.Abstractions.Jobs.Grains;

namespace Prow.Grains.Jobs;

/// <summary>The index shards that hold jobs (a few hundred keys at most: 4 per hour of retained jobs).</summary>
public sealed class ProwJobIndexDirectoryGrain(
    [PersistentState("prowjob-index-directory")] IPersistentState<ProwJobIndexDirectoryState> state) : Grain, IProwJobIndexDirectoryGrain
{
    public async Task Add(string bucket)
    {
        if (state.State.Buckets.Add(bucket)) await state.WriteStateAsync();
    }

    public async Task Remove(string bucket)
    {
        if (state.State.Buckets.Remove(bucket)) await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> Buckets() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.Buckets.Order(StringComparer.Ordinal)]);
}

[GenerateSerializer]
[Alias("prow.jobs.ProwJobIndexDirectoryState")]
public sealed class ProwJobIndexDirectoryState
{
    [Id(0)] public HashSet<string> Buckets { get; set; } = new(StringComparer.Ordinal);
}
