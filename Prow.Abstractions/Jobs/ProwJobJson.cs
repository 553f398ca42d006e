using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Prow.Abstractions.Jobs.Serialization;

namespace Prow.Abstractions.Jobs;

/// <summary>
/// ProwJob JSON and YAML as Prow writes them: Go json tag names, <c>omitempty</c>, Kubernetes times,
/// Go durations. Unknown fields survive a round trip. YAML is the same document (sigs.k8s.io/yaml style).
/// </summary>
public static class ProwJobJson
{
    /// <summary>Options for every ProwJob type (and lists of them).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions(indented: false);

    /// <summary>Like <see cref="Options"/>, indented.</summary>
    public static JsonSerializerOptions IndentedOptions { get; } = CreateOptions(indented: true);

    public static string Serialize(ProwJob job, bool indented = false) =>
        JsonSerializer.Serialize(job, indented ? IndentedOptions : Options);

    public static ProwJob Deserialize(string json) =>
        JsonSerializer.Deserialize<ProwJob>(json, Options) ?? throw new JsonException("the document is null, not a ProwJob");

    /// <summary>The ProwJob as a JSON tree (what <see cref="Serialize"/> writes).</summary>
    public static JsonObject ToNode(ProwJob job) => JsonSerializer.SerializeToNode(job, Options)!.AsObject();

    public static ProwJob FromNode(JsonNode node) =>
        node.Deserialize<ProwJob>(Options) ?? throw new JsonException("the document is null, not a ProwJob");

    /// <summary>The ProwJob as YAML (for <c>GET /prowjob</c>), same keys and omissions as the JSON.</summary>
    public static string ToYaml(ProwJob job) => YamlJsonBridge.ToYaml(ToNode(job));

    /// <summary>Reads a ProwJob from YAML (e.g. <c>kubectl get prowjob -o yaml</c>).</summary>
    public static ProwJob FromYaml(string yaml) =>
        FromNode(YamlJsonBridge.FromYaml(yaml) ?? throw new JsonException("the YAML document is empty"));

    /// <summary>A deep copy through JSON (for callers that must not share mutable state).</summary>
    public static ProwJob Clone(ProwJob job) => FromNode(ToNode(job));

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { GoOmitEmpty.Apply } },
        };
        options.Converters.Add(new KubeTimeJsonConverter());
        options.Converters.Add(new GoDurationJsonConverter());
        options.MakeReadOnly();
        return options;
    }
}
