using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Prow.Abstractions.Jobs;

/// <summary>A Tekton PipelineRunSpec by API version (raw JSON).</summary>
[GenerateSerializer]
[Alias("prow.jobs.TektonPipelineRunSpec")]
public sealed class TektonPipelineRunSpec
{
    [Id(0)] [JsonPropertyName("v1beta1")] public JsonObject? V1Beta1 { get; set; }
    [Id(1)] [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
