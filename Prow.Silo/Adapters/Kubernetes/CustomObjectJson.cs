using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;

namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>The custom objects API answers <c>object</c> (a JsonElement); this makes it a JsonObject.</summary>
internal static class CustomObjectJson
{
    public static JsonObject ToObject(object? value) => value switch
    {
        JsonObject o => o,
        JsonElement { ValueKind: JsonValueKind.Object } e => JsonNode.Parse(e.GetRawText())!.AsObject(),
        null => throw new JsonException("empty custom object"),
        _ => JsonNode.Parse(KubernetesJson.Serialize(value))?.AsObject() ?? throw new JsonException("not a JSON object"),
    };

    public static string? String(JsonNode? node, params string[] path)
    {
        foreach (var key in path) node = node is JsonObject o ? o[key] : null;
        return node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    }

    public static DateTimeOffset? Time(JsonNode? node, params string[] path) =>
        String(node, path) is { Length: > 0 } s && DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
