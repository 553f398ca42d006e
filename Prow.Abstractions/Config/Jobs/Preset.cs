using System.Text.Json.Nodes;
using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Jobs;

/// <summary>
/// Settings merged into every job whose labels include all of <see cref="Labels"/>:
/// env and volumeMounts into every container, volumes and tolerations into the pod spec.
/// Items are Kubernetes objects (EnvVar, Volume, VolumeMount, Toleration) kept as raw JSON.
/// </summary>
public sealed class Preset : SourceLocated
{
    public Dictionary<string, string>? Labels { get; set; }
    public List<JsonObject>? Env { get; set; }
    public List<JsonObject>? Volumes { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "volumeMounts")]
    public List<JsonObject>? VolumeMounts { get; set; }

    public List<JsonObject>? Tolerations { get; set; }

    /// <summary>True when every preset label is on the job with the same value.</summary>
    public bool Matches(IReadOnlyDictionary<string, string>? jobLabels)
    {
        if (Labels is null) return true;
        foreach (var (key, value) in Labels)
        {
            if (jobLabels is null || !jobLabels.TryGetValue(key, out var actual) || actual != value) return false;
        }
        return true;
    }
}
