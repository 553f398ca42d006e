namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>A component that contributes several build clusters (e.g. every kubeconfig context × agent).</summary>
public interface IBuildClusterProvider
{
    IEnumerable<BuildClusterEntry> BuildClusters();
}
