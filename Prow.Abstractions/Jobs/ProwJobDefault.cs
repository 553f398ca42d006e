using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prow.Abstractions.Jobs;

/// <summary>ProwJob fields defaulted from config (tenant id, ResultStore).</summary>
[GenerateSerializer]
[Alias("prow.jobs.ProwJobDefault")]
public sealed class ProwJobDefault
{
    [Id(0)] [JsonPropertyName("resultstore_config")] public ResultStoreConfig? ResultStoreConfig { get; set; }
    [Id(1)] [JsonPropertyName("tenant_id")] public string TenantId { get; set; } = "";
    [Id(2)] [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
