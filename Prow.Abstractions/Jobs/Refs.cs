using System.Text.Json;
using System.Text.Json.Serialization;
using Prow.Abstractions.Jobs.Serialization;

namespace Prow.Abstractions.Jobs;

/// <summary>A repository to check out: base ref and the pulls merged into it (Prow's <c>Refs</c>).</summary>
[GenerateSerializer]
[Alias("prow.jobs.Refs")]
public sealed class Refs
{
    [Id(0)] [JsonPropertyName("org")] [JsonAlwaysWrite] public string Org { get; set; } = "";
    [Id(1)] [JsonPropertyName("repo")] [JsonAlwaysWrite] public string Repo { get; set; } = "";
    [Id(2)] [JsonPropertyName("repo_link")] public string RepoLink { get; set; } = "";
    [Id(3)] [JsonPropertyName("base_ref")] public string BaseRef { get; set; } = "";
    [Id(4)] [JsonPropertyName("base_sha")] public string BaseSha { get; set; } = "";
    [Id(5)] [JsonPropertyName("base_link")] public string BaseLink { get; set; } = "";
    [Id(6)] [JsonPropertyName("pulls")] public List<Pull>? Pulls { get; set; }
    [Id(7)] [JsonPropertyName("path_alias")] public string PathAlias { get; set; } = "";
    [Id(8)] [JsonPropertyName("workdir")] public bool WorkDir { get; set; }
    [Id(9)] [JsonPropertyName("auxiliary")] public bool Auxiliary { get; set; }
    [Id(10)] [JsonPropertyName("clone_uri")] public string CloneUri { get; set; } = "";
    [Id(11)] [JsonPropertyName("skip_submodules")] public bool SkipSubmodules { get; set; }
    [Id(12)] [JsonPropertyName("clone_depth")] public int CloneDepth { get; set; }
    [Id(13)] [JsonPropertyName("skip_fetch_head")] public bool SkipFetchHead { get; set; }
    [Id(14)] [JsonPropertyName("blobless_fetch")] public bool? BloblessFetch { get; set; }
    [Id(15)] [JsonPropertyName("sparse_checkout_files")] public List<string>? SparseCheckoutFiles { get; set; }
    [Id(16)] [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>"org/repo", or "org" when there is no repo (Prow's <c>OrgRepoString</c>).</summary>
    [JsonIgnore]
    public string OrgRepo => Repo.Length > 0 ? $"{Org}/{Repo}" : Org;

    /// <summary>A deep copy (pulls and lists copied; unknown fields are immutable JSON and shared).</summary>
    public Refs Clone()
    {
        var copy = (Refs)MemberwiseClone();
        copy.Pulls = Pulls?.Select(p => p.Clone()).ToList();
        copy.SparseCheckoutFiles = SparseCheckoutFiles?.ToList();
        copy.Extra = Extra is null ? null : new(Extra);
        return copy;
    }

    /// <summary>Prow's <c>Refs.String()</c>: "base_ref:base_sha,number:sha[:ref],...".</summary>
    public override string ToString()
    {
        var parts = new List<string> { BaseSha.Length > 0 ? $"{BaseRef}:{BaseSha}" : BaseRef };
        foreach (var pull in Pulls ?? [])
            parts.Add(pull.Ref.Length > 0 ? $"{pull.Number}:{pull.Sha}:{pull.Ref}" : $"{pull.Number}:{pull.Sha}");
        return string.Join(",", parts);
    }
}
