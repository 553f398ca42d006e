using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Prow.Abstractions.Jobs;

/// <summary>Pod scheduling options added by decoration (Kubernetes Affinity and Tolerations, raw JSON).</summary>
[GenerateSerializer]
[Alias("prow.jobs.SchedulingOptions")]
public sealed class SchedulingOptions
{
    [Id(0)] [JsonPropertyName("affinity")] public JsonObject? Affinity { get; set; }
    [Id(1)] [JsonPropertyName("tolerations")] public JsonArray? Tolerations { get; set; }
    [Id(2)] [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
