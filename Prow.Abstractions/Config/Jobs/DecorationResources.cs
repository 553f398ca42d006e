using System.Text.Json.Nodes;

namespace Prow.Abstractions.Config.Jobs;

/// <summary>Kubernetes ResourceRequirements (raw JSON) of each utility container.</summary>
public sealed class DecorationResources
{
    [YamlDotNet.Serialization.YamlMember(Alias = "clonerefs")]
    public JsonObject? CloneRefs { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "initupload")]
    public JsonObject? InitUpload { get; set; }

    public JsonObject? PlaceEntrypoint { get; set; }
    public JsonObject? Sidecar { get; set; }

    public DecorationResources Clone() => new()
    {
        CloneRefs = (JsonObject?)CloneRefs?.DeepClone(),
        InitUpload = (JsonObject?)InitUpload?.DeepClone(),
        PlaceEntrypoint = (JsonObject?)PlaceEntrypoint?.DeepClone(),
        Sidecar = (JsonObject?)Sidecar?.DeepClone(),
    };

    public static DecorationResources? Merge(DecorationResources? value, DecorationResources? defaults)
    {
        if (value is null) return defaults?.Clone();
        var m = value.Clone();
        if (defaults is null) return m;
        m.CloneRefs ??= (JsonObject?)defaults.CloneRefs?.DeepClone();
        m.InitUpload ??= (JsonObject?)defaults.InitUpload?.DeepClone();
        m.PlaceEntrypoint ??= (JsonObject?)defaults.PlaceEntrypoint?.DeepClone();
        m.Sidecar ??= (JsonObject?)defaults.Sidecar?.DeepClone();
        return m;
    }
}
