namespace Prow.Abstractions.Jobs.Grains;

/// <summary>
/// One shard of the job listing (key: <see cref="ProwJobIndexKeys.Bucket"/>, the job's creation hour
/// and a hash shard). ProwJob grains publish every persisted change; Deck's listing reads the
/// shards and merges them. Each shard keeps the jobs' JSON rendered, so listing is copying bytes.
/// </summary>
[Alias("prow.IProwJobIndexGrain")]
public interface IProwJobIndexGrain : IGrainWithStringKey
{
    /// <summary>Stores the job's latest version durably (older versions than the stored one are ignored).</summary>
    [Alias("Upsert")]
    Task Upsert(ProwJob job, long version);

    /// <summary>Forgets jobs (Sinker).</summary>
    [Alias("Remove")]
    Task Remove(IReadOnlyCollection<string> names);

    /// <summary>The shard's jobs that match <paramref name="query"/>, rendered.</summary>
    [Alias("List")]
    Task<IReadOnlyList<ListedProwJob>> List(ProwJobQuery query);

    /// <summary>How many jobs the shard holds.</summary>
    [Alias("Count")]
    Task<int> Count();
}

/// <summary>The set of index shards in use (key: "default"), so a listing knows where to look.</summary>
[Alias("prow.IProwJobIndexDirectoryGrain")]
public interface IProwJobIndexDirectoryGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task Add(string bucket);

    [Alias("Remove")]
    Task Remove(string bucket);

    [Alias("Buckets")]
    Task<IReadOnlyList<string>> Buckets();
}

/// <summary>Index shard keys: <c>yyyyMMddHH-s</c>, creation hour (UTC) and shard 0..<see cref="Shards"/>-1.</summary>
public static class ProwJobIndexKeys
{
    public const int Shards = 4;
    public const string Directory = "default";

    public static string Bucket(ProwJob job)
    {
        var created = ActiveJobSummary.CreationTime(job);
        if (created == DateTimeOffset.MinValue) created = DateTimeOffset.UnixEpoch;
        var shard = (int)(StableHash(job.Name) % Shards);
        return $"{created.UtcDateTime:yyyyMMddHH}-{shard}";
    }

    /// <summary>FNV-1a over the name: the same shard in every process (string.GetHashCode is randomised).</summary>
    private static uint StableHash(string value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return hash;
    }
}
