using Prow.Abstractions.Jobs;
using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>
/// <see cref="IBuildClusters"/> for every agent: maps (agent, cluster) to the registered
/// <see cref="IBuildCluster"/>. Entries come from DI (<see cref="BuildClusterEntry"/> singletons, e.g.
/// the local-process agent's <c>local</c>/<c>default</c>, and <see cref="IBuildClusterProvider"/>s such
/// as the Kubernetes clusters) or from <see cref="Register"/>. An empty cluster means <c>default</c>.
/// </summary>
public sealed class BuildClusterRegistry : IBuildClusters
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Agent, string Cluster), IBuildCluster> _clusters = [];

    public BuildClusterRegistry()
    {
    }

    public BuildClusterRegistry(IEnumerable<BuildClusterEntry> entries, IEnumerable<IBuildClusterProvider> providers)
    {
        foreach (var entry in entries.Concat(providers.SelectMany(p => p.BuildClusters()))) Register(entry);
    }

    /// <summary>Adds a build cluster; the same agent and cluster twice is a configuration error.</summary>
    public void Register(BuildClusterEntry entry)
    {
        var key = (entry.Agent, Normalize(entry.Cluster));
        lock (_lock)
        {
            if (!_clusters.TryAdd(key, entry.BuildCluster))
                throw new InvalidOperationException($"build cluster {entry.Agent}/{key.Item2} is registered twice");
        }
    }

    public void Register(string agent, string cluster, IBuildCluster buildCluster) => Register(new BuildClusterEntry(agent, cluster, buildCluster));

    public IBuildCluster? Find(string agent, string cluster)
    {
        lock (_lock) return _clusters.GetValueOrDefault((agent, Normalize(cluster)));
    }

    /// <summary>"agent/cluster" for every registered pair, sorted.</summary>
    public IReadOnlyCollection<string> Describe()
    {
        lock (_lock) return _clusters.Keys.Select(k => $"{k.Agent}/{k.Cluster}").Order(StringComparer.Ordinal).ToList();
    }

    private static string Normalize(string cluster) => string.IsNullOrEmpty(cluster) ? ProwJobAgents.DefaultCluster : cluster;
}
