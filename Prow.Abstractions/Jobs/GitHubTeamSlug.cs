using System.Text.Json;
using System.Text.Json.Serialization;
using Prow.Abstractions.Jobs.Serialization;

namespace Prow.Abstractions.Jobs;

/// <summary>A GitHub team by org and slug.</summary>
[GenerateSerializer]
[Alias("prow.jobs.GitHubTeamSlug")]
public sealed class GitHubTeamSlug
{
    [Id(0)] [JsonPropertyName("slug")] [JsonAlwaysWrite] public string Slug { get; set; } = "";
    [Id(1)] [JsonPropertyName("org")] [JsonAlwaysWrite] public string Org { get; set; } = "";
    [Id(2)] [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
