using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prow.Abstractions.Jobs;

/// <summary>Who may rerun the job.</summary>
[GenerateSerializer]
[Alias("prow.jobs.RerunAuthConfig")]
public sealed class RerunAuthConfig
{
    [Id(0)] [JsonPropertyName("allow_anyone")] public bool AllowAnyone { get; set; }
    [Id(1)] [JsonPropertyName("github_team_ids")] public List<int>? GitHubTeamIds { get; set; }
    [Id(2)] [JsonPropertyName("github_team_slugs")] public List<GitHubTeamSlug>? GitHubTeamSlugs { get; set; }
    [Id(3)] [JsonPropertyName("github_users")] public List<string>? GitHubUsers { get; set; }
    [Id(4)] [JsonPropertyName("github_orgs")] public List<string>? GitHubOrgs { get; set; }
    [Id(5)] [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
