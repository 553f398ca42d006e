using System.Text.Json.Nodes;

namespace Prow.Silo.Tests.Adapters.Kubernetes.Decoration;

/// <summary>The golden comparison can fail: mutations of a matching pod are reported, and the Go zero-value equivalences stay narrow.</summary>
public sealed class GoldenComparerTests
{
    private const string Case = "TestProwJobToPod_7";

    public static TheoryData<string, Action<JsonObject>> Mutations => new()
    {
        { "env value changed", pod => Container(pod, 0)["env"]![0]!["value"] = "pebbles" },
        { "env vars swapped", pod => Swap(Container(pod, 0)["env"]!.AsArray(), 1, 2) },
        { "options JSON reformatted", pod => Reformat(Container(pod, 0)["env"]!.AsArray()) },
        { "volume mount dropped", pod => Container(pod, 1)["volumeMounts"]!.AsArray().RemoveAt(0) },
        { "volume added", pod => pod["spec"]!["volumes"]!.AsArray().Add(new JsonObject { ["name"] = "extra", ["emptyDir"] = new JsonObject() }) },
        { "label added", pod => pod["metadata"]!["labels"]!["extra"] = "label" },
        { "number changed", pod => pod["spec"]!["terminationGracePeriodSeconds"] = 13 },
        { "number as string", pod => pod["spec"]!["terminationGracePeriodSeconds"] = "12" },
        { "boolean flipped", pod => pod["spec"]!["automountServiceAccountToken"] = true },
        { "resources set where Prow has none", pod => Container(pod, 0)["resources"] = new JsonObject { ["limits"] = new JsonObject { ["cpu"] = "1" } } },
        { "resources {} where Prow has none", pod => pod["spec"]!["securityContext"]!["resources"] = new JsonObject() },
        { "creation time set", pod => pod["metadata"]!["creationTimestamp"] = "2026-01-01T00:00:00Z" },
        { "status with a phase", pod => pod["status"] = new JsonObject { ["phase"] = "Pending" } },
        { "security context dropped", pod => pod["spec"]!.AsObject().Remove("securityContext") },
    };

    [Fact]
    public void Unmutated_Matches()
    {
        var ours = DecorationGoldenCases.Serialize(DecorationGoldenCases.Build(Case));

        Assert.Empty(GoldenComparer.Differences(DecorationGoldenCases.Golden(Case), ours, GoldenShape.Pod));
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Mutated_DoesNotMatch(string mutation, Action<JsonObject> mutate)
    {
        var ours = DecorationGoldenCases.Serialize(DecorationGoldenCases.Build(Case)).AsObject();
        mutate(ours);

        Assert.True(GoldenComparer.Differences(DecorationGoldenCases.Golden(Case), ours, GoldenShape.Pod).Count > 0, mutation);
    }

    [Fact]
    public void GoZeroValues_OnlyWhereGoWritesThem()
    {
        var golden = JsonNode.Parse("""{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"resources":{}}],"resources":{}},"status":{}}""");
        var ours = JsonNode.Parse("""{"metadata":{},"spec":{"containers":[{}]}}""");

        var differences = GoldenComparer.Differences(golden, ours, GoldenShape.Pod);

        Assert.Equal(["$.spec.resources: missing, Prow has {}"], differences);
    }

    private static JsonObject Container(JsonObject pod, int index) => pod["spec"]!["containers"]![index]!.AsObject();

    // ENTRYPOINT_OPTIONS, last of the test container's variables: same JSON, other text.
    private static void Reformat(JsonArray env)
    {
        var options = env[env.Count - 1]!;
        options["value"] = JsonNode.Parse(options["value"]!.GetValue<string>())!.ToJsonString(new() { WriteIndented = true });
    }

    private static void Swap(JsonArray array, int i, int j)
    {
        var (a, b) = (array[i]!.DeepClone(), array[j]!.DeepClone());
        array[i] = b;
        array[j] = a;
    }
}
