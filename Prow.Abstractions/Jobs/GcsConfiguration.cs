using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prow.Abstractions.Jobs;

/// <summary>Where logs and artifacts are uploaded (Prow's <c>GCSConfiguration</c>).</summary>
[GenerateSerializer]
[Alias("prow.jobs.GcsConfiguration")]
public sealed class GcsConfiguration
{
    [Id(0)] [JsonPropertyName("bucket")] public string Bucket { get; set; } = "";
    [Id(1)] [JsonPropertyName("path_prefix")] public string PathPrefix { get; set; } = "";
    [Id(2)] [JsonPropertyName("path_strategy")] public string PathStrategy { get; set; } = "";
    [Id(3)] [JsonPropertyName("default_org")] public string DefaultOrg { get; set; } = "";
    [Id(4)] [JsonPropertyName("default_repo")] public string DefaultRepo { get; set; } = "";
    [Id(5)] [JsonPropertyName("mediaTypes")] public Dictionary<string, string>? MediaTypes { get; set; }
    [Id(6)] [JsonPropertyName("job_url_prefix")] public string JobUrlPrefix { get; set; } = "";
    [Id(7)] [JsonPropertyName("local_output_dir")] public string LocalOutputDir { get; set; } = "";
    [Id(8)] [JsonPropertyName("compress_file_types")] public List<string>? CompressFileTypes { get; set; }
    [Id(9)] [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
