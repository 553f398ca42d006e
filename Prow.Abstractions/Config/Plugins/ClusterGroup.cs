namespace Prow.Abstractions.Config.Plugins;

/// <summary>A set of clusters and the namespaces to update in each.</summary>
public sealed class ClusterGroup
{
    public List<string> Clusters { get; set; } = [];

    public List<string> Namespaces { get; set; } = [];
}
