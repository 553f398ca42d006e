using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prow.Abstractions.Jobs;

/// <summary>ResultStore upload settings.</summary>
[GenerateSerializer]
[Alias("prow.jobs.ResultStoreConfig")]
public sealed class ResultStoreConfig
{
    [Id(0)] [JsonPropertyName("project_id")] public string ProjectId { get; set; } = "";
    [Id(1)] [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
