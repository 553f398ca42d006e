using System.Text.RegularExpressions;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Prow.Silo.Tests.Adapters.Kubernetes.Decoration;

/// <summary>What a golden file holds: a whole pod, a pod spec, or one container.</summary>
public enum GoldenShape { Pod, PodSpec, Container }

/// <summary>
/// Compares our serialized object with Prow's golden YAML as JSON trees: same keys, arrays in the same
/// order, equal scalars (numbers by value). Prow compares the decoded objects with
/// <c>equality.Semantic.DeepEqual</c>, which sees no difference between a Go struct value left empty
/// and its absence; our models are nullable classes, so three such places are equivalent here, and only
/// when the golden side has the empty value and ours lacks the key:
/// <list type="bullet">
/// <item><c>metadata.creationTimestamp: null</c> of a pod (Go writes a zero <c>metav1.Time</c> as null);</item>
/// <item><c>status: {}</c> of a pod (Go's <c>PodStatus</c> is a struct value);</item>
/// <item><c>resources: {}</c> of a container (Go's <c>ResourceRequirements</c> is a struct value).</item>
/// </list>
/// Everything else must match, including the JSON text of the options environment variables, compared
/// as strings as Prow does.
/// </summary>
public static partial class GoldenComparer
{
    public static IReadOnlyList<string> Differences(JsonNode? golden, JsonNode? ours, GoldenShape shape)
    {
        var differences = new List<string>();
        Compare(golden, ours, "$", shape, differences);
        return differences;
    }

    private static void Compare(JsonNode? golden, JsonNode? ours, string path, GoldenShape shape, List<string> differences)
    {
        switch (golden, ours)
        {
            case (null, null):
                return;
            case (JsonObject g, JsonObject o):
                foreach (var key in g.Select(p => p.Key).Union(o.Select(p => p.Key), StringComparer.Ordinal))
                {
                    var childPath = $"{path}.{key}";
                    var inGolden = g.TryGetPropertyValue(key, out var gv);
                    var inOurs = o.TryGetPropertyValue(key, out var ov);
                    if (inGolden && inOurs) Compare(gv, ov, childPath, shape, differences);
                    else if (inGolden && !IsGoZeroValue(path, key, gv, shape)) differences.Add($"{childPath}: missing, Prow has {Show(gv)}");
                    else if (inOurs) differences.Add($"{childPath}: {Show(ov)}, Prow has no such field");
                }
                return;
            case (JsonArray g, JsonArray o):
                if (g.Count != o.Count) differences.Add($"{path}: {o.Count} items, Prow has {g.Count}");
                for (var i = 0; i < Math.Min(g.Count, o.Count); i++) Compare(g[i], o[i], $"{path}[{i}]", shape, differences);
                return;
            case (JsonValue g, JsonValue o) when ScalarsEqual(g, o):
                return;
            default:
                differences.Add($"{path}: {Show(ours)}, Prow has {Show(golden)}");
                return;
        }
    }

    private static bool IsGoZeroValue(string parentPath, string key, JsonNode? goldenValue, GoldenShape shape) => (shape, key) switch
    {
        (GoldenShape.Pod, "creationTimestamp") => parentPath == "$.metadata" && goldenValue is null,
        (GoldenShape.Pod, "status") => parentPath == "$" && goldenValue is JsonObject { Count: 0 },
        (_, "resources") => goldenValue is JsonObject { Count: 0 } && ContainerPath(shape).IsMatch(parentPath),
        _ => false,
    };

    private static Regex ContainerPath(GoldenShape shape) => shape switch
    {
        GoldenShape.Pod => PodContainerPath(),
        GoldenShape.PodSpec => SpecContainerPath(),
        _ => RootPath(),
    };

    private static bool ScalarsEqual(JsonValue golden, JsonValue ours)
    {
        var kind = golden.GetValueKind();
        if (kind != ours.GetValueKind()) return false;
        return kind switch
        {
            JsonValueKind.String => golden.GetValue<string>() == ours.GetValue<string>(),
            JsonValueKind.Number => decimal.Parse(golden.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
                == decimal.Parse(ours.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture),
            _ => true, // true, false, null: the kind is the value
        };
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";

    [GeneratedRegex(@"^\$\.spec\.(initContainers|containers)\[\d+\]$")]
    private static partial Regex PodContainerPath();

    [GeneratedRegex(@"^\$\.(initContainers|containers)\[\d+\]$")]
    private static partial Regex SpecContainerPath();

    [GeneratedRegex(@"^\$$")]
    private static partial Regex RootPath();
}
