using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prow.Abstractions.Jobs;

/// <summary>
/// A ProwJob (<c>prow.k8s.io/v1</c>, kind ProwJob): what to run (<see cref="Spec"/>) and how it went
/// (<see cref="Status"/>), in Prow's JSON shape. Unknown fields are kept in <see cref="Extra"/>.
/// </summary>
[GenerateSerializer]
[Alias("prow.jobs.ProwJob")]
public sealed class ProwJob
{
    public const string ApiVersionV1 = "prow.k8s.io/v1";
    public const string KindProwJob = "ProwJob";

    [Id(0)]
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ApiVersionV1;

    [Id(1)]
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KindProwJob;

    [Id(2)]
    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    [Id(3)]
    [JsonPropertyName("spec")]
    public ProwJobSpec Spec { get; set; } = new();

    [Id(4)]
    [JsonPropertyName("status")]
    public ProwJobStatus Status { get; set; } = new();

    [Id(5)]
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>The job's name (a UUID); its pod, PipelineRun or process has the same name.</summary>
    [JsonIgnore]
    public string Name => Metadata.Name;

    /// <summary>Prow's <c>Complete()</c>: the job has a completion time.</summary>
    [JsonIgnore]
    public bool Complete => Status.CompletionTime is not null;

    /// <summary>Prow's <c>ClusterAlias()</c>: <c>spec.cluster</c>, or "default" when empty.</summary>
    [JsonIgnore]
    public string ClusterAlias => string.IsNullOrEmpty(Spec.Cluster) ? ProwJobAgents.DefaultCluster : Spec.Cluster;
}
