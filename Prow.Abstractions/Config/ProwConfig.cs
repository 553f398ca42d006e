using Prow.Abstractions.Config.BranchProtection;
using Prow.Abstractions.Config.Controllers;
using Prow.Abstractions.Config.Deck;
using Prow.Abstractions.Config.Jobs;
using Prow.Abstractions.Config.Reporting;
using Prow.Abstractions.Config.Tide;

namespace Prow.Abstractions.Config;

/// <summary>
/// Prow's config.yaml (with the jobs merged in from --job-config-path). Load it with
/// <see cref="ProwConfigLoader.Load(string, string?, List{Yaml.ConfigDiagnostic})"/>, which fills in defaults.
/// </summary>
public sealed class ProwConfig : JobConfig
{
    /// <summary>The git SHA the config was generated from.</summary>
    [YamlDotNet.Serialization.YamlMember(Alias = "config_version_sha")]
    public string ConfigVersionSha { get; set; } = "";

    public TideConfig Tide { get; set; } = new();
    public PlankConfig Plank { get; set; } = new();
    public PipelineConfig Pipeline { get; set; } = new();
    public SinkerConfig Sinker { get; set; } = new();
    public DeckConfig Deck { get; set; } = new();

    [YamlDotNet.Serialization.YamlMember(Alias = "branch-protection")]
    public BranchProtectionConfig BranchProtection { get; set; } = new();

    public GerritConfig Gerrit { get; set; } = new();

    [YamlDotNet.Serialization.YamlMember(Alias = "github_reporter")]
    public GitHubReporterConfig GitHubReporter { get; set; } = new();

    public HorologiumConfig Horologium { get; set; } = new();

    /// <summary>Slack reporting by "org/repo", "org" or "*".</summary>
    public Dictionary<string, SlackReporter>? SlackReporterConfigs { get; set; }

    public InRepoConfig InRepoConfig { get; set; } = new();
    public GangwayConfig Gangway { get; set; } = new();
    public MoonrakerConfig Moonraker { get; set; } = new();
    public SchedulerConfig Scheduler { get; set; } = new();
    public List<JenkinsOperatorConfig>? JenkinsOperators { get; set; }

    /// <summary>Namespace of the ProwJobs; defaults to "default".</summary>
    [YamlDotNet.Serialization.YamlMember(Alias = "prowjob_namespace")]
    public string ProwJobNamespace { get; set; } = "";

    /// <summary>Namespace of the test pods; defaults to "default".</summary>
    public string PodNamespace { get; set; } = "";

    /// <summary>debug, info (default), warn, warning, error, fatal, panic (or trace).</summary>
    public string LogLevel { get; set; } = "";

    public PushGatewayConfig PushGateway { get; set; } = new();
    public OwnersDirDenylist? OwnersDirDenylist { get; set; }

    /// <summary>Deprecated form of pubsub_triggers: project → topics.</summary>
    [YamlDotNet.Serialization.YamlMember(Alias = "pubsub_subscriptions")]
    public Dictionary<string, List<string>>? PubSubSubscriptions { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "pubsub_triggers")]
    public List<PubSubTrigger>? PubSubTriggers { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "github")]
    public GitHubOptions GitHubOptions { get; set; } = new();

    /// <summary>Link for jobs that cannot be found; defaults to https://github.com/kubernetes/test-infra/issues.</summary>
    public string StatusErrorLink { get; set; } = "";

    /// <summary>Deadline of jobs without their own timeout; defaults to 24h.</summary>
    public TimeSpan? DefaultJobTimeout { get; set; }

    public ManagedWebhooks ManagedWebhooks { get; set; } = new();

    [YamlDotNet.Serialization.YamlMember(Alias = "prowjob_default_entries")]
    public List<ProwJobDefaultEntry>? ProwJobDefaultEntries { get; set; }

    /// <summary>Build clusters to ignore.</summary>
    public List<string>? DisabledClusters { get; set; }

    /// <summary>Every presubmit of every repo, in repo-key order then declaration order.</summary>
    public IEnumerable<Presubmit> AllPresubmits() =>
        Presubmits.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value);

    /// <summary>Every postsubmit of every repo, in repo-key order then declaration order.</summary>
    public IEnumerable<Postsubmit> AllPostsubmits() =>
        Postsubmits.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value);

    /// <summary>Sorted distinct repos ("org/repo") that have presubmits or postsubmits.</summary>
    public IReadOnlyList<string> Repos =>
        Presubmits.Keys.Concat(Postsubmits.Keys)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>The presubmits of one repo (empty when none).</summary>
    public IReadOnlyList<Presubmit> PresubmitsFor(string orgRepo) =>
        Presubmits.TryGetValue(orgRepo, out var jobs) ? jobs : [];

    /// <summary>The postsubmits of one repo (empty when none).</summary>
    public IReadOnlyList<Postsubmit> PostsubmitsFor(string orgRepo) =>
        Postsubmits.TryGetValue(orgRepo, out var jobs) ? jobs : [];
}
