using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using Orleans.Providers;
using Orleans.Storage;
using System.Text.Json.Nodes;
using Prow.Abstractions.Jobs;
using Prow.Abstractions.Jobs.Grains;

namespace Prow.Grains.Jobs;

/// <summary>
/// One shard of the job listing. Persists only which jobs it holds; each job's JSON comes from the
/// job itself: from its grain's upserts while active, and after a (re)activation from the jobs'
/// own persisted state, read straight from grain storage without activating 12,000 job grains.
/// So a state change of a job costs the index no write at all, and adding a job writes a list of
/// names. Renders the <c>omit=</c> variants on first use and keeps them. Reentrant so that inserts
/// arriving while a write is in flight share the next write (group commit): an insert returns only
/// once a write that includes it has completed.
/// </summary>
[Reentrant]
public sealed class ProwJobIndexGrain(
    [PersistentState("prowjob-index")] IPersistentState<ProwJobIndexState> state,
    IServiceProvider services) : Grain, IProwJobIndexGrain
{
    /// <summary>How many job states are read from storage at once on activation.</summary>
    private const int LoadParallelism = 32;

    private readonly Dictionary<string, IndexEntry> _entries = new(StringComparer.Ordinal);
    private Task _writing = Task.CompletedTask;
    private Task? _queued;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var names = state.State.Names.ToList();
        if (names.Count == 0) return;
        var storage = services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        // Grain references are made here, on the activation's scheduler; the reads run on the thread pool.
        var grainIds = names.Select(n => GrainFactory.GetGrain<IProwJobGrain>(n).GetGrainId()).ToArray();
        var loaded = new IndexEntry?[names.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, names.Count), new ParallelOptions { MaxDegreeOfParallelism = LoadParallelism, CancellationToken = cancellationToken },
            async (i, _) =>
            {
                var jobState = new GrainState<ProwJobGrainState>(new ProwJobGrainState());
                await storage.ReadStateAsync(ProwJobGrain.StateName, grainIds[i], jobState);
                if (jobState.State?.Job is { } job) loaded[i] = IndexEntry.From(job, jobState.State.Version);
            });
        foreach (var entry in loaded)
        {
            // A job that is gone from storage (deleted by Sinker mid-way) is simply not listed.
            if (entry is not null) _entries[entry.Name] = entry;
        }
    }

    public async Task Upsert(ProwJob job, long version)
    {
        if (_entries.TryGetValue(job.Name, out var existing) && existing.Version >= version) return;
        _entries[job.Name] = IndexEntry.From(job, version);
        if (state.State.Names.Contains(job.Name)) return;

        if (state.State.Names.Count == 0 && !state.RecordExists)
            await GrainFactory.GetGrain<IProwJobIndexDirectoryGrain>(ProwJobIndexKeys.Directory).Add(this.GetPrimaryKeyString());
        state.State.Names.Add(job.Name);
        await PersistAsync();
    }

    public async Task Remove(IReadOnlyCollection<string> names)
    {
        var removed = false;
        foreach (var name in names)
        {
            removed |= state.State.Names.Remove(name);
            _entries.Remove(name);
        }
        if (!removed) return;
        if (state.State.Names.Count == 0)
        {
            await state.ClearStateAsync();
            await GrainFactory.GetGrain<IProwJobIndexDirectoryGrain>(ProwJobIndexKeys.Directory).Remove(this.GetPrimaryKeyString());
            return;
        }
        await PersistAsync();
    }

    public Task<IReadOnlyList<ListedProwJob>> List(ProwJobQuery query)
    {
        var result = new List<ListedProwJob>();
        foreach (var entry in _entries.Values)
        {
            if (entry.Matches(query)) result.Add(new ListedProwJob(entry.StartTime, entry.Job, entry.Rendered(query.Omit)));
        }
        return Task.FromResult<IReadOnlyList<ListedProwJob>>(result);
    }

    public Task<int> Count() => Task.FromResult(_entries.Count);

    /// <summary>
    /// Returns once a write started after this call has finished: a write already in flight may have
    /// serialised the state before the caller's change, so the caller joins the next one.
    /// </summary>
    private Task PersistAsync() => _queued ??= WriteAfterAsync(_writing);

    private async Task WriteAfterAsync(Task previous)
    {
        // Return to PersistAsync first, so _queued holds this task before the write can begin (and
        // reset it): otherwise a completed previous write lets this run to the write synchronously,
        // _queued is set afterwards to a write already started, and later callers join it unsaved.
        await Task.Yield();
        try { await previous; }
        catch { /* the previous write's callers saw its failure; this write starts afresh */ }
        _queued = null;
        var write = state.WriteStateAsync();
        _writing = write;
        await write;
    }
}

[GenerateSerializer]
[Alias("prow.jobs.ProwJobIndexState")]
public sealed class ProwJobIndexState
{
    /// <summary>The names of the jobs in this shard.</summary>
    [Id(0)] public HashSet<string> Names { get; set; } = [];
}

/// <summary>A listed job in memory: what Deck filters and sorts on, and its JSON in the variants asked for so far.</summary>
public sealed class IndexEntry
{
    private readonly byte[]?[] _rendered = new byte[]?[(int)ProwJobOmit.All + 1];

    private IndexEntry(string name, long version, JsonObject node)
    {
        Name = name;
        Version = version;
        // Deck's default request and the full job are rendered now; other omit sets on first use.
        _rendered[(int)ProwJobOmit.None] = ProwJobRendering.Render(node.DeepClone().AsObject(), ProwJobOmit.None);
        _rendered[(int)ProwJobOmit.All] = ProwJobRendering.Render(node, ProwJobOmit.All);
    }

    public string Name { get; }
    public long Version { get; }
    public DateTimeOffset StartTime { get; private init; }
    public string Job { get; private init; } = "";

    /// <summary>Orgs and repos Deck's org/repo filters match: spec.refs, else every extra ref.</summary>
    public string[] Orgs { get; private init; } = [];
    public string[] Repos { get; private init; } = [];

    /// <summary>Authors of spec.refs' pulls (Deck's owner filter).</summary>
    public string[] Authors { get; private init; } = [];

    public static IndexEntry From(ProwJob job, long version)
    {
        var refs = job.Spec.Refs is { } r ? [r] : job.Spec.ExtraRefs ?? [];
        return new IndexEntry(job.Name, version, ProwJobJson.ToNode(job))
        {
            StartTime = job.Status.StartTime ?? ActiveJobSummary.CreationTime(job),
            Job = job.Spec.Job,
            Orgs = [.. refs.Select(x => x.Org).Distinct()],
            Repos = [.. refs.Select(x => x.Repo).Distinct()],
            Authors = [.. (job.Spec.Refs?.Pulls ?? []).Select(p => p.Author).Distinct()],
        };
    }

    public byte[] Rendered(ProwJobOmit omit) =>
        _rendered[(int)omit] ??= ProwJobRendering.Render(JsonNode.Parse(_rendered[(int)ProwJobOmit.None]!)!.AsObject(), omit);

    public bool Matches(ProwJobQuery query) =>
        (query.Org.Length == 0 || Orgs.Contains(query.Org, StringComparer.Ordinal))
        && (query.Repo.Length == 0 || Repos.Contains(query.Repo, StringComparer.Ordinal))
        && (query.Owner.Length == 0 || Authors.Contains(query.Owner, StringComparer.Ordinal));
}
