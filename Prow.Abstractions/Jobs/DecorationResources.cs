using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Prow.Abstractions.Jobs;

/// <summary>Kubernetes ResourceRequirements (raw JSON) of each utility container (Prow's <c>Resources</c>).</summary>
[GenerateSerializer]
[Alias("prow.jobs.DecorationResources")]
public sealed class DecorationResources
{
    [Id(0)] [JsonPropertyName("clonerefs")] public JsonObject? CloneRefs { get; set; }
    [Id(1)] [JsonPropertyName("initupload")] public JsonObject? InitUpload { get; set; }
    [Id(2)] [JsonPropertyName("place_entrypoint")] public JsonObject? PlaceEntrypoint { get; set; }
    [Id(3)] [JsonPropertyName("sidecar")] public JsonObject? Sidecar { get; set; }
    [Id(4)] [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
