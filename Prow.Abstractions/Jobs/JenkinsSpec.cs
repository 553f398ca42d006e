using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prow.Abstractions.Jobs;

/// <summary>Options for the Jenkins operator.</summary>
[GenerateSerializer]
[Alias("prow.jobs.JenkinsSpec")]
public sealed class JenkinsSpec
{
    [Id(0)] [JsonPropertyName("github_branch_source_job")] public bool GitHubBranchSourceJob { get; set; }
    [Id(1)] [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
