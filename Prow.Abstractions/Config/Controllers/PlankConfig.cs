namespace Prow.Abstractions.Config.Controllers;

/// <summary>The plank controller (runs kubernetes-agent ProwJobs as pods).</summary>
public sealed class PlankConfig : ControllerConfig
{
    /// <summary>How long a pod may stay pending; defaults to 10m.</summary>
    public TimeSpan? PodPendingTimeout { get; set; }

    /// <summary>How long a pod may run; defaults to 48h.</summary>
    public TimeSpan? PodRunningTimeout { get; set; }

    /// <summary>How long a pod may stay unscheduled; defaults to 5m.</summary>
    public TimeSpan? PodUnscheduledTimeout { get; set; }

    /// <summary>How often a job whose pod vanished is restarted; defaults to 3.</summary>
    public int? MaxRevivals { get; set; }

    /// <summary>Old form of default decoration configs: by "org/repo", "org" or "*".</summary>
    [YamlDotNet.Serialization.YamlMember(Alias = "default_decoration_configs")]
    public Dictionary<string, Jobs.DecorationConfig>? DefaultDecorationConfigsMap { get; set; }

    /// <summary>Default decoration configs by repo and cluster; all matching entries apply, later ones win.</summary>
    public List<DefaultDecorationConfigEntry>? DefaultDecorationConfigEntries { get; set; }

    /// <summary>Job URL prefixes by "org/repo", "org" or "*".</summary>
    [YamlDotNet.Serialization.YamlMember(Alias = "job_url_prefix_config")]
    public Dictionary<string, string>? JobUrlPrefixConfig { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "jobURLPrefixDisableAppendStorageProvider")]
    public bool JobUrlPrefixDisableAppendStorageProvider { get; set; }

    public string BuildClusterStatusFile { get; set; } = "";

    /// <summary>Concurrency of named job queues (job_queue_name); negative means unlimited.</summary>
    public Dictionary<string, int>? JobQueueCapacities { get; set; }

    /// <summary>
    /// The effective default decoration entries (from entries, or from the old map with "*" first,
    /// then orgs, then repos); set by the loader.
    /// </summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public List<DefaultDecorationConfigEntry> DefaultDecorationConfigs { get; set; } = [];
}
