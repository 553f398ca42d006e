using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>The ConfigMap one file of <c>config_updater.maps</c> is written to.</summary>
public sealed class ConfigMapSpec : SourceLocated
{
    /// <summary>ConfigMap name; mutually exclusive with <see cref="PartitionedNames"/>.</summary>
    public string Name { get; set; } = "";

    /// <summary>ConfigMaps the keys are spread across (at most 256).</summary>
    public List<string> PartitionedNames { get; set; } = [];

    /// <summary>Key in the ConfigMap; defaults to the file's base name (or full path, see <see cref="UseFullPathAsKey"/>).</summary>
    public string Key { get; set; } = "";

    /// <summary>Overrides the global gzip setting for this file.</summary>
    public bool? Gzip { get; set; }

    /// <summary>Cluster alias → namespaces to update.</summary>
    public Dictionary<string, List<string>> Clusters { get; set; } = [];

    /// <summary>Names of <c>cluster_groups</c> to update; mutually exclusive with <see cref="Clusters"/>.</summary>
    public List<string> ClusterGroups { get; set; } = [];

    /// <summary>Use the path relative to the repo root, slashes replaced by dashes, as the key.</summary>
    public bool UseFullPathAsKey { get; set; }

    /// <summary>org or org/repo entries allowed to update this ConfigMap; empty allows all.</summary>
    public List<string> AllowedRepos { get; set; } = [];

    /// <summary>org or org/repo entries never allowed to update this ConfigMap.</summary>
    public List<string> DeniedRepos { get; set; } = [];

    /// <summary>Whether a PR in <paramref name="orgRepo"/> ("org/repo") may update this ConfigMap.</summary>
    public bool IsAllowed(string orgRepo)
    {
        var org = orgRepo.Split('/')[0];
        if (DeniedRepos.Any(d => d == orgRepo || d == org)) return false;
        return AllowedRepos.Count == 0 || AllowedRepos.Any(a => a == orgRepo || a == org);
    }
}
