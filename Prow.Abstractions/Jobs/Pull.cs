using System.Text.Json;
using System.Text.Json.Serialization;
using Prow.Abstractions.Jobs.Serialization;

namespace Prow.Abstractions.Jobs;

/// <summary>A pull request at one head commit (Prow's <c>Pull</c>).</summary>
[GenerateSerializer]
[Alias("prow.jobs.Pull")]
public sealed class Pull
{
    [Id(0)] [JsonPropertyName("number")] [JsonAlwaysWrite] public int Number { get; set; }
    [Id(1)] [JsonPropertyName("author")] [JsonAlwaysWrite] public string Author { get; set; } = "";
    [Id(2)] [JsonPropertyName("sha")] [JsonAlwaysWrite] public string Sha { get; set; } = "";
    [Id(3)] [JsonPropertyName("title")] public string Title { get; set; } = "";

    /// <summary>A git ref that can be checked out for the change, e.g. pull/123/head.</summary>
    [Id(4)] [JsonPropertyName("ref")] public string Ref { get; set; } = "";

    /// <summary>The branch name of the change.</summary>
    [Id(5)] [JsonPropertyName("head_ref")] public string HeadRef { get; set; } = "";

    [Id(6)] [JsonPropertyName("link")] public string Link { get; set; } = "";
    [Id(7)] [JsonPropertyName("commit_link")] public string CommitLink { get; set; } = "";
    [Id(8)] [JsonPropertyName("author_link")] public string AuthorLink { get; set; } = "";
    [Id(9)] [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>A copy (unknown fields are immutable JSON and shared).</summary>
    public Pull Clone()
    {
        var copy = (Pull)MemberwiseClone();
        copy.Extra = Extra is null ? null : new(Extra);
        return copy;
    }
}
