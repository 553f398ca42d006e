using System.Text.Json.Nodes;
using Prow.Abstractions.Config.Jobs;

namespace Prow.Abstractions.Config;

/// <summary>
/// The shape of an in-repo <c>.prow.yaml</c> (Prow's ProwYAML): jobs of the repository itself.
/// Binding only; fetching and defaulting it belongs to the in-repo config feature.
/// </summary>
public sealed class ProwYaml
{
    public List<Preset>? Presets { get; set; }
    public List<Presubmit>? Presubmits { get; set; }
    public List<Postsubmit>? Postsubmits { get; set; }

    /// <summary>Ignored by Prow: room for other tools' data.</summary>
    public JsonNode? ProwIgnored { get; set; }
}
