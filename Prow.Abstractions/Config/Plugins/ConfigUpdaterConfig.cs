using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Plugins;

/// <summary><c>config_updater:</c>, which copies files changed by a merged PR into ConfigMaps.</summary>
public sealed class ConfigUpdaterConfig : SourceLocated
{
    /// <summary>The cluster alias used when a map names no clusters.</summary>
    public const string DefaultClusterAlias = "default";

    /// <summary>Named groups of clusters and namespaces that maps can target.</summary>
    public Dictionary<string, ClusterGroup> ClusterGroups { get; set; } = [];

    /// <summary>File path (or glob) in the repo → the ConfigMap it updates.</summary>
    public Dictionary<string, ConfigMapSpec> Maps { get; set; } = [];

    /// <summary>Gzip every file before storing it (a map may override).</summary>
    public bool Gzip { get; set; }
}
