using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prow.Abstractions.Jobs;

/// <summary>Images of the pod utilities.</summary>
[GenerateSerializer]
[Alias("prow.jobs.UtilityImages")]
public sealed class UtilityImages
{
    [Id(0)] [JsonPropertyName("clonerefs")] public string CloneRefs { get; set; } = "";
    [Id(1)] [JsonPropertyName("initupload")] public string InitUpload { get; set; } = "";
    [Id(2)] [JsonPropertyName("entrypoint")] public string Entrypoint { get; set; } = "";
    [Id(3)] [JsonPropertyName("sidecar")] public string Sidecar { get; set; } = "";
    [Id(4)] [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
