using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prow.Abstractions.Jobs;

/// <summary>A key in a Kubernetes secret (Prow's <c>OauthTokenSecret</c> and <c>GitHubAppPrivateKeySecret</c>).</summary>
[GenerateSerializer]
[Alias("prow.jobs.SecretKeyReference")]
public sealed class SecretKeyReference
{
    [Id(0)] [JsonPropertyName("name")] public string Name { get; set; } = "";
    [Id(1)] [JsonPropertyName("key")] public string Key { get; set; } = "";
    [Id(2)] [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
