using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Prow.Abstractions.Jobs;

/// <summary>Kubernetes object metadata (the parts Prow uses; the rest is kept in <see cref="Extra"/>).</summary>
[GenerateSerializer]
[Alias("prow.jobs.ObjectMeta")]
public sealed class ObjectMeta
{
    [Id(0)] [JsonPropertyName("name")] public string Name { get; set; } = "";
    [Id(1)] [JsonPropertyName("generateName")] public string GenerateName { get; set; } = "";
    [Id(2)] [JsonPropertyName("namespace")] public string Namespace { get; set; } = "";
    [Id(3)] [JsonPropertyName("uid")] public string Uid { get; set; } = "";
    [Id(4)] [JsonPropertyName("resourceVersion")] public string ResourceVersion { get; set; } = "";
    [Id(5)] [JsonPropertyName("generation")] public long Generation { get; set; }
    [Id(6)] [JsonPropertyName("creationTimestamp")] public DateTimeOffset? CreationTimestamp { get; set; }
    [Id(7)] [JsonPropertyName("deletionTimestamp")] public DateTimeOffset? DeletionTimestamp { get; set; }
    [Id(8)] [JsonPropertyName("deletionGracePeriodSeconds")] public long? DeletionGracePeriodSeconds { get; set; }
    [Id(9)] [JsonPropertyName("labels")] public Dictionary<string, string>? Labels { get; set; }
    [Id(10)] [JsonPropertyName("annotations")] public Dictionary<string, string>? Annotations { get; set; }

    /// <summary>Kubernetes OwnerReferences, raw.</summary>
    [Id(11)] [JsonPropertyName("ownerReferences")] public JsonArray? OwnerReferences { get; set; }

    [Id(12)] [JsonPropertyName("finalizers")] public List<string>? Finalizers { get; set; }

    /// <summary>Fields not modelled here (managedFields, selfLink...).</summary>
    [Id(13)] [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
