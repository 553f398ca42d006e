using System.Text.Json.Nodes;
using Prow.Abstractions.Jobs;
using Prow.Abstractions.Jobs.Serialization;

namespace Prow.Abstractions.Tests.Jobs;

/// <summary>The ProwJob fixtures (Prow's JSON/YAML shape) under Jobs/Fixtures.</summary>
public static class JobFixtures
{
    public static readonly string[] Names =
    [
        "presubmit-pending.json",
        "periodic-tekton-complete.json",
        "batch-triggered.yaml",
        "legacy-knative-build.json",
    ];

    public static TheoryData<string> All => new(Names);

    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Jobs", "Fixtures", name));

    /// <summary>The fixture as a JSON tree, independent of the model.</summary>
    public static JsonObject Node(string name) =>
        (name.EndsWith(".yaml", StringComparison.Ordinal) ? YamlJsonBridge.FromYaml(Text(name)) : JsonNode.Parse(Text(name)))!.AsObject();

    public static ProwJob Load(string name) =>
        name.EndsWith(".yaml", StringComparison.Ordinal) ? ProwJobJson.FromYaml(Text(name)) : ProwJobJson.Deserialize(Text(name));
}
