using System.Text.Json.Nodes;

namespace Prow.Abstractions.Config.Jobs;

/// <summary>
/// Merges one preset into a pod spec like Prow's mergePreset: env and volumeMounts are appended to
/// every container, volumes and tolerations to the pod; a name already present (or an identical
/// toleration) is a conflict and stops the merge.
/// </summary>
public static class PresetMerger
{
    /// <summary>Merges <paramref name="preset"/> into <paramref name="spec"/>; returns the conflict, or null.</summary>
    public static string? Merge(Preset preset, JsonObject spec)
    {
        var containers = (spec["containers"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        foreach (var env in preset.Env ?? [])
        {
            var name = NameOf(env);
            foreach (var container in containers)
            {
                var list = ArrayOf(container, "env");
                if (list.Any(e => NameOf(e) == name)) return $"env var duplicated in pod spec: {name}";
                list.Add(env.DeepClone());
            }
        }
        foreach (var volume in preset.Volumes ?? [])
        {
            var name = NameOf(volume);
            var list = ArrayOf(spec, "volumes");
            if (list.Any(v => NameOf(v) == name)) return $"volume duplicated in pod spec: {name}";
            list.Add(volume.DeepClone());
        }
        foreach (var mount in preset.VolumeMounts ?? [])
        {
            var name = NameOf(mount);
            foreach (var container in containers)
            {
                var list = ArrayOf(container, "volumeMounts");
                if (list.Any(m => NameOf(m) == name)) return $"volume mount duplicated in pod spec: {name}";
                list.Add(mount.DeepClone());
            }
        }
        foreach (var toleration in preset.Tolerations ?? [])
        {
            var list = ArrayOf(spec, "tolerations");
            if (list.Any(t => JsonNode.DeepEquals(t, toleration))) return $"toleration duplicated in pod spec: {toleration.ToJsonString()}";
            list.Add(toleration.DeepClone());
        }
        return null;
    }

    internal static string? NameOf(JsonNode? node) =>
        (node as JsonObject)?["name"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?["name"]?.ToJsonString();

    private static JsonArray ArrayOf(JsonObject owner, string key)
    {
        if (owner[key] is JsonArray array) return array;
        array = [];
        owner[key] = array;
        return array;
    }
}
