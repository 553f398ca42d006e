using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>One build cluster of one agent, as registered with <see cref="BuildClusterRegistry"/>.</summary>
public sealed record BuildClusterEntry(string Agent, string Cluster, IBuildCluster BuildCluster);
