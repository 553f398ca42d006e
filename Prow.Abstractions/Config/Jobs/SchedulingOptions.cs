using System.Text.Json.Nodes;

namespace Prow.Abstractions.Config.Jobs;

/// <summary>Pod scheduling options added by decoration (Kubernetes Affinity and Tolerations, raw JSON).</summary>
public sealed class SchedulingOptions
{
    public JsonObject? Affinity { get; set; }
    public JsonArray? Tolerations { get; set; }

    public SchedulingOptions Clone() => new()
    {
        Affinity = (JsonObject?)Affinity?.DeepClone(),
        Tolerations = (JsonArray?)Tolerations?.DeepClone(),
    };

    public static SchedulingOptions? Merge(SchedulingOptions? value, SchedulingOptions? defaults)
    {
        if (value is null) return defaults?.Clone();
        var m = value.Clone();
        if (defaults is null) return m;
        m.Affinity ??= (JsonObject?)defaults.Affinity?.DeepClone();
        m.Tolerations ??= (JsonArray?)defaults.Tolerations?.DeepClone();
        return m;
    }
}
