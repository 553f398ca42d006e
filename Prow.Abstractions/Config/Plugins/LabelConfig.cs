namespace Prow.Abstractions.Config.Plugins;

/// <summary><c>label:</c>.</summary>
public sealed class LabelConfig
{
    /// <summary>Labels usable with /label besides kind/*, priority/* and area/*.</summary>
    public List<string> AdditionalLabels { get; set; } = [];

    /// <summary>Keyed by <c>*</c>, org or org/repo: labels only some teams or users may change.</summary>
    public Dictionary<string, List<RestrictedLabel>> RestrictedLabels { get; set; } = [];

    /// <summary>The restricted labels in force for a repo, merged from <c>*</c>, the org and the repo, keyed by lower-case label.</summary>
    public IReadOnlyDictionary<string, RestrictedLabel> RestrictedLabelsFor(string org, string repo)
    {
        var result = new Dictionary<string, RestrictedLabel>(StringComparer.Ordinal);
        foreach (var scope in new[] { "*", org, org + "/" + repo })
        {
            if (!RestrictedLabels.TryGetValue(scope, out var labels)) continue;
            foreach (var label in labels)
            {
                var key = label.Label.ToLowerInvariant();
                result[key] = result.TryGetValue(key, out var existing) ? existing.MergedWith(label) : label;
            }
        }
        return result;
    }
}
