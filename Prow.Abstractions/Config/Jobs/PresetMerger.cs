using System.Text.Json.Nodes;

namespace Prow.Abstractions.Config.Jobs;

/// <summary>
/// Merges presets into a pod spec like Prow's mergePreset: env and volumeMounts are appended to
/// every container, volumes and tolerations to the pod; a name already present (or an identical
/// toleration) is a conflict and stops the merge. Presets are applied in order.
/// </summary>
public static class PresetMerger
{
    /// <summary>Merges <paramref name="preset"/> into <paramref name="spec"/>; returns the conflict, or null.</summary>
    public static string? Merge(Preset preset, JsonObject spec) => MergeAll([preset], spec).Conflict;

    /// <summary>Merges the presets in order; stops at the first conflict and returns it with its preset.</summary>
    public static (Preset? Preset, string? Conflict) MergeAll(IReadOnlyList<Preset> presets, JsonObject spec)
    {
        if (presets.Count == 0) return (null, null);
        var containers = (spec["containers"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var env = containers.Select(c => new NamedList(c, "env")).ToList();
        var mounts = containers.Select(c => new NamedList(c, "volumeMounts")).ToList();
        NamedList? volumes = null;
        foreach (var preset in presets)
        {
            foreach (var item in preset.Env ?? [])
            {
                var name = NameOf(item);
                foreach (var list in env)
                {
                    if (!list.TryAdd(name, item)) return (preset, $"env var duplicated in pod spec: {name}");
                }
            }
            foreach (var item in preset.Volumes ?? [])
            {
                var name = NameOf(item);
                volumes ??= new NamedList(spec, "volumes");
                if (!volumes.TryAdd(name, item)) return (preset, $"volume duplicated in pod spec: {name}");
            }
            foreach (var item in preset.VolumeMounts ?? [])
            {
                var name = NameOf(item);
                foreach (var list in mounts)
                {
                    if (!list.TryAdd(name, item)) return (preset, $"volume mount duplicated in pod spec: {name}");
                }
            }
            foreach (var toleration in preset.Tolerations ?? [])
            {
                var list = ArrayOf(spec, "tolerations");
                if (list.Any(t => JsonNode.DeepEquals(t, toleration))) return (preset, $"toleration duplicated in pod spec: {toleration.ToJsonString()}");
                list.Add(toleration.DeepClone());
            }
        }
        return (null, null);
    }

    internal static string? NameOf(JsonNode? node) =>
        node is JsonObject o && o.TryGetPropertyValue("name", out var name)
            ? name is JsonValue value && value.TryGetValue<string>(out var text) ? text : name?.ToJsonString()
            : null;

    private static JsonArray ArrayOf(JsonObject owner, string key)
    {
        if (owner[key] is JsonArray array) return array;
        array = [];
        owner[key] = array;
        return array;
    }

    /// <summary>A list of named items of a pod spec (created on first add) with the names it holds.</summary>
    private sealed class NamedList(JsonObject owner, string key)
    {
        private JsonArray? _items;
        private HashSet<string?>? _names;

        public bool TryAdd(string? name, JsonObject item)
        {
            if (_names is null)
            {
                _items = owner[key] as JsonArray;
                _names = new HashSet<string?>(_items?.Select(NameOf) ?? [], StringComparer.Ordinal);
            }
            if (!_names.Add(name)) return false;
            _items ??= ArrayOf(owner, key);
            _items.Add(item.DeepClone());
            return true;
        }
    }
}
