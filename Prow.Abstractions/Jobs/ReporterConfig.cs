using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prow.Abstractions.Jobs;

/// <summary>Job-level reporter options.</summary>
[GenerateSerializer]
[Alias("prow.jobs.ReporterConfig")]
public sealed class ReporterConfig
{
    [Id(0)] [JsonPropertyName("slack")] public SlackReporterConfig? Slack { get; set; }
    [Id(1)] [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
