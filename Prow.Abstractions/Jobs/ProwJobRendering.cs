using System.Text.Json;
using System.Text.Json.Nodes;
using Prow.Abstractions.Jobs.Grains;

namespace Prow.Abstractions.Jobs;

/// <summary>
/// A ProwJob as Deck's <c>/prowjobs.js</c> lists it: Prow's JSON without <c>managedFields</c> and
/// with the <c>omit=</c> fields dropped. An omitted pod spec keeps one empty container per container
/// (what Go writes for <c>coreapi.Container{}</c>), because Deck's page counts containers.
/// </summary>
public static class ProwJobRendering
{
    public static byte[] Render(ProwJob job, ProwJobOmit omit) => Render(ProwJobJson.ToNode(job), omit);

    public static byte[] Render(JsonObject node, ProwJobOmit omit)
    {
        if (node["metadata"] is JsonObject metadata)
        {
            metadata.Remove("managedFields");
            if (omit.HasFlag(ProwJobOmit.Annotations)) metadata.Remove("annotations");
            if (omit.HasFlag(ProwJobOmit.Labels)) metadata.Remove("labels");
        }
        if (node["spec"] is JsonObject spec)
        {
            if (omit.HasFlag(ProwJobOmit.DecorationConfig)) spec.Remove("decoration_config");
            if (omit.HasFlag(ProwJobOmit.PodSpec) && spec["pod_spec"] is JsonObject podSpec)
            {
                var containers = new JsonArray();
                var count = podSpec["containers"] is JsonArray list ? list.Count : 0;
                for (var i = 0; i < count; i++) containers.Add(new JsonObject { ["name"] = "", ["resources"] = new JsonObject() });
                spec["pod_spec"] = new JsonObject { ["containers"] = containers };
            }
        }
        return JsonSerializer.SerializeToUtf8Bytes(node, ProwJobJson.Options);
    }

    /// <summary>
    /// Parses Deck's <c>omit</c> value (comma-separated). Unknown names are ignored, as Deck does.
    /// </summary>
    public static ProwJobOmit ParseOmit(string? omit)
    {
        var result = ProwJobOmit.None;
        foreach (var part in (omit ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            result |= part switch
            {
                "annotations" => ProwJobOmit.Annotations,
                "labels" => ProwJobOmit.Labels,
                "decoration_config" => ProwJobOmit.DecorationConfig,
                "pod_spec" => ProwJobOmit.PodSpec,
                _ => ProwJobOmit.None,
            };
        }
        return result;
    }
}
