using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prow.Abstractions.Jobs;

/// <summary>Options for censoring secrets out of logs and artifacts.</summary>
[GenerateSerializer]
[Alias("prow.jobs.CensoringOptions")]
public sealed class CensoringOptions
{
    [Id(0)] [JsonPropertyName("censoring_concurrency")] public long? CensoringConcurrency { get; set; }
    [Id(1)] [JsonPropertyName("censoring_buffer_size")] public int? CensoringBufferSize { get; set; }
    [Id(2)] [JsonPropertyName("include_directories")] public List<string>? IncludeDirectories { get; set; }
    [Id(3)] [JsonPropertyName("exclude_directories")] public List<string>? ExcludeDirectories { get; set; }
    [Id(4)] [JsonPropertyName("minimum_secret_length")] public int? MinimumSecretLength { get; set; }
    [Id(5)] [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
