using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Prow.Abstractions.Jobs;

namespace Prow.Abstractions.Tests.Jobs;

/// <summary>
/// Walks the ProwJob CRD's OpenAPI schema beside the C# model: every schema property is looked up by its
/// JSON name, and the walk descends into properties whose model type is one of ours (not raw JSON).
/// </summary>
public static class CrdSchemaWalker
{
    /// <summary>The CRD's openAPIV3Schema of version v1.</summary>
    public static JsonObject Schema(JsonNode crd) =>
        crd["spec"]!["versions"]!.AsArray().Single(v => (string?)v!["name"] == "v1")!["schema"]!["openAPIV3Schema"]!.AsObject();

    /// <summary>Schema paths ("spec.refs.pulls[].number") and, for each, the model property or null if unmodelled.</summary>
    public static List<(string Path, PropertyInfo? Property)> Walk(JsonNode schema, Type model, string path)
    {
        var result = new List<(string, PropertyInfo?)>();
        if (schema["properties"] is not JsonObject properties) return result;
        foreach (var (name, child) in properties)
        {
            var childPath = path.Length == 0 ? name : $"{path}.{name}";
            var property = Find(model, name);
            result.Add((childPath, property));
            if (property is null || child is null) continue;
            var (elementType, isList) = ElementType(property.PropertyType);
            if (!IsModelClass(elementType)) continue;
            if (isList && child["items"] is { } items) result.AddRange(Walk(items, elementType, childPath + "[]"));
            else result.AddRange(Walk(child, elementType, childPath));
        }
        return result;
    }

    /// <summary>Every JSON property path in a document ("spec.extra_refs[].org").</summary>
    public static HashSet<string> Paths(JsonNode? node, string path = "", HashSet<string>? into = null)
    {
        into ??= [];
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    var p = path.Length == 0 ? key : $"{path}.{key}";
                    into.Add(p);
                    Paths(value, p, into);
                }
                break;
            case JsonArray a:
                foreach (var item in a) Paths(item, path + "[]", into);
                break;
        }
        return into;
    }

    public static PropertyInfo? Find(Type model, string jsonName) =>
        model.GetProperties().FirstOrDefault(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == jsonName);

    public static IEnumerable<string> JsonNames(Type model) =>
        model.GetProperties().Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name).OfType<string>();

    private static (Type Element, bool IsList) ElementType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>)) return (type.GetGenericArguments()[0], true);
        return (type, false);
    }

    private static bool IsModelClass(Type type) => type.IsClass && type.Namespace == typeof(ProwJob).Namespace;
}
