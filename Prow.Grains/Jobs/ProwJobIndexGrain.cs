using Orleans.Concurrency;
using System.Text.Json.Nodes;
using Prow.Abstractions.Jobs;
using Prow.Abstractions.Jobs.Grains;

namespace Prow.Grains.Jobs;

/// <summary>
/// One shard of the job listing. Holds each job's Prow JSON (persisted) and the fields Deck filters
/// and sorts on; renders the <c>omit=</c> variants on first use and keeps them. Reentrant so that
/// upserts arriving while a write is in flight share the next write (group commit): a caller's
/// upsert returns only once a write that includes it has completed.
/// </summary>
[Reentrant]
public sealed class ProwJobIndexGrain(
    [PersistentState("prowjob-index")] IPersistentState<ProwJobIndexState> state) : Grain, IProwJobIndexGrain
{
    private readonly Dictionary<string, byte[]?[]> _rendered = new(StringComparer.Ordinal);
    private Task _writing = Task.CompletedTask;
    private Task? _queued;

    public async Task Upsert(ProwJob job, long version)
    {
        var entries = state.State.Entries;
        if (entries.TryGetValue(job.Name, out var existing) && existing.Version >= version) return;
        if (entries.Count == 0 && !state.RecordExists)
            await GrainFactory.GetGrain<IProwJobIndexDirectoryGrain>(ProwJobIndexKeys.Directory).Add(this.GetPrimaryKeyString());

        var node = ProwJobJson.ToNode(job);
        var full = ProwJobRendering.Render(node.DeepClone().AsObject(), ProwJobOmit.None);
        entries[job.Name] = IndexEntry.From(job, version, full);
        var variants = new byte[]?[(int)ProwJobOmit.All + 1];
        variants[(int)ProwJobOmit.None] = full;
        variants[(int)ProwJobOmit.All] = ProwJobRendering.Render(node, ProwJobOmit.All);
        _rendered[job.Name] = variants;
        await PersistAsync();
    }

    public async Task Remove(IReadOnlyCollection<string> names)
    {
        var removed = false;
        foreach (var name in names)
        {
            removed |= state.State.Entries.Remove(name);
            _rendered.Remove(name);
        }
        if (!removed) return;
        if (state.State.Entries.Count == 0)
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
        foreach (var (name, entry) in state.State.Entries)
        {
            if (!entry.Matches(query)) continue;
            result.Add(new ListedProwJob(entry.StartTime, entry.Job, RenderedAs(name, entry, query.Omit)));
        }
        return Task.FromResult<IReadOnlyList<ListedProwJob>>(result);
    }

    public Task<int> Count() => Task.FromResult(state.State.Entries.Count);

    private byte[] RenderedAs(string name, IndexEntry entry, ProwJobOmit omit)
    {
        if (!_rendered.TryGetValue(name, out var variants))
        {
            variants = new byte[]?[(int)ProwJobOmit.All + 1];
            variants[(int)ProwJobOmit.None] = entry.Json;
            _rendered[name] = variants;
        }
        return variants[(int)omit] ??= ProwJobRendering.Render(JsonNode.Parse(entry.Json)!.AsObject(), omit);
    }

    /// <summary>
    /// Returns once a write started after this call has finished: a write already in flight may have
    /// serialised the state before the caller's change, so the caller joins the next one.
    /// </summary>
    private Task PersistAsync() => _queued ??= WriteAfterAsync(_writing);

    private async Task WriteAfterAsync(Task previous)
    {
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
    [Id(0)] public Dictionary<string, IndexEntry> Entries { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A listed job: what Deck filters and sorts on, and its JSON.</summary>
[GenerateSerializer]
[Alias("prow.jobs.IndexEntry")]
public sealed class IndexEntry
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public DateTimeOffset StartTime { get; set; }
    [Id(2)] public string Job { get; set; } = "";

    /// <summary>Orgs and repos Deck's org/repo filters match: spec.refs, else every extra ref.</summary>
    [Id(3)] public string[] Orgs { get; set; } = [];
    [Id(4)] public string[] Repos { get; set; } = [];

    /// <summary>Authors of spec.refs' pulls (Deck's owner filter).</summary>
    [Id(5)] public string[] Authors { get; set; } = [];
    [Id(6)] public byte[] Json { get; set; } = [];

    public static IndexEntry From(ProwJob job, long version, byte[] json)
    {
        var refs = job.Spec.Refs is { } r ? [r] : job.Spec.ExtraRefs ?? [];
        return new IndexEntry
        {
            Version = version,
            StartTime = job.Status.StartTime ?? ActiveJobSummary.CreationTime(job),
            Job = job.Spec.Job,
            Orgs = [.. refs.Select(x => x.Org).Distinct()],
            Repos = [.. refs.Select(x => x.Repo).Distinct()],
            Authors = [.. (job.Spec.Refs?.Pulls ?? []).Select(p => p.Author).Distinct()],
            Json = json,
        };
    }

    public bool Matches(ProwJobQuery query) =>
        (query.Org.Length == 0 || Orgs.Contains(query.Org, StringComparer.Ordinal))
        && (query.Repo.Length == 0 || Repos.Contains(query.Repo, StringComparer.Ordinal))
        && (query.Owner.Length == 0 || Authors.Contains(query.Owner, StringComparer.Ordinal));
}
