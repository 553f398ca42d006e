using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>One build cluster of one agent, as registered with <see cref="BuildClusterRegistry"/>.</summary>
public sealed record BuildClusterEntry(string Agent, string Cluster, IBuildCluster BuildCluster);

/// <summary>A component that contributes several build clusters (e.g. every kubeconfig context × agent).</summary>
public interface IBuildClusterProvider
{
    IEnumerable<BuildClusterEntry> BuildClusters();
}
