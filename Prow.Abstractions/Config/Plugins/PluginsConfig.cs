using Prow.Abstractions.Config.Yaml;
using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>
/// Prow's <c>plugins.yaml</c>: which plugins run where, and each built-in plugin's settings.
/// Keys, shapes and defaults are Prow's (<c>pkg/plugins/config.go</c>). Load it with <see cref="PluginsConfigLoader"/>.
/// </summary>
public sealed class PluginsConfig : SourceLocated
{
    /// <summary><c>org</c> or <c>org/repo</c> → enabled plugins. See <see cref="EnabledPluginsFor"/>.</summary>
    public Dictionary<string, OrgPlugins> Plugins { get; set; } = [];

    /// <summary><c>org</c> or <c>org/repo</c> → external plugins that receive the webhooks.</summary>
    public Dictionary<string, List<ExternalPlugin>> ExternalPlugins { get; set; } = [];

    public OwnersConfig Owners { get; set; } = new();

    public List<ApproveConfig> Approve { get; set; } = [];

    public List<BlockadeConfig> Blockades { get; set; } = [];

    public BlunderbussConfig Blunderbuss { get; set; } = new();

    public RifleConfig Rifle { get; set; } = new();

    public BugzillaConfig Bugzilla { get; set; } = new();

    public BranchCleanerConfig BranchCleaner { get; set; } = new();

    public KeyPathConfig Cat { get; set; } = new();

    public List<CherryPickApprovedConfig> CherryPickApproved { get; set; } = [];

    public CherryPickUnapprovedConfig CherryPickUnapproved { get; set; } = new();

    public ConfigUpdaterConfig ConfigUpdater { get; set; } = new();

    /// <summary><c>org</c>, <c>org/repo</c> or <c>*</c> → DCO settings. See <see cref="DcoFor"/>.</summary>
    public Dictionary<string, DcoConfig> Dco { get; set; } = [];

    public GolintConfig Golint { get; set; } = new();

    public KeyPathConfig Goose { get; set; } = new();

    public HeartConfig Heart { get; set; } = new();

    public LabelConfig Label { get; set; } = new();

    public List<LgtmConfig> Lgtm { get; set; } = [];

    public JiraConfig Jira { get; set; } = new();

    /// <summary><c>org/repo</c> → branch → milestone applied to PRs merged into that branch.</summary>
    public Dictionary<string, Dictionary<string, string>> MilestoneApplier { get; set; } = [];

    public ReleaseNoteConfig ReleaseNote { get; set; } = new();

    /// <summary><c>org/repo</c> (or <c>""</c> for the default) → milestone maintainers.</summary>
    public Dictionary<string, RepoMilestoneConfig> RepoMilestone { get; set; } = [];

    [YamlMember(Alias = "project_config")]
    public ProjectConfig Project { get; set; } = new();

    public ProjectManagerConfig ProjectManager { get; set; } = new();

    public List<RequireMatchingLabelConfig> RequireMatchingLabel { get; set; } = [];

    public RetitleConfig Retitle { get; set; } = new();

    public SlackConfig Slack { get; set; } = new();

    [YamlMember(Alias = "sigmention")]
    public SigMentionConfig SigMention { get; set; } = new();

    public SizeConfig Size { get; set; } = new();

    public List<TriggerConfig> Triggers { get; set; } = [];

    public List<WelcomeConfig> Welcome { get; set; } = [];

    public OverrideConfig Override { get; set; } = new();

    public HelpConfig Help { get; set; } = new();

    [YamlMember(Alias = "invalid_commit_msg")]
    public List<InvalidCommitMsgConfig> InvalidCommitMsg { get; set; } = [];

    /// <summary>
    /// The plugins that run for <paramref name="org"/>/<paramref name="repo"/>: the org's plugins unless the
    /// repo is in the org's <c>excluded_repos</c>, then the repo's own plugins (each name once).
    /// </summary>
    public IReadOnlyList<string> EnabledPluginsFor(string org, string repo)
    {
        var enabled = new List<string>();
        if (Plugins.TryGetValue(org, out var orgPlugins) && !orgPlugins.ExcludedRepos.Contains(repo))
            enabled.AddRange(orgPlugins.Plugins);
        if (Plugins.TryGetValue(org + "/" + repo, out var repoPlugins))
            enabled.AddRange(repoPlugins.Plugins);
        return [.. enabled.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The external plugins that receive events of <paramref name="org"/>/<paramref name="repo"/>: the org's, then the repo's.</summary>
    public IReadOnlyList<ExternalPlugin> ExternalPluginsFor(string org, string repo)
    {
        var result = new List<ExternalPlugin>();
        if (ExternalPlugins.TryGetValue(org, out var orgPlugins)) result.AddRange(orgPlugins);
        if (ExternalPlugins.TryGetValue(org + "/" + repo, out var repoPlugins)) result.AddRange(repoPlugins);
        return result;
    }

    /// <summary>The orgs and repos (keys of <c>plugins:</c>) that enable <paramref name="plugin"/>.</summary>
    public IReadOnlyList<string> EnabledReposForPlugin(string plugin) =>
        [.. Plugins.Where(p => p.Value.Plugins.Contains(plugin)).Select(p => p.Key).Order(StringComparer.Ordinal)];

    /// <summary>The <c>approve</c> entry for a repo (an entry naming the repo wins over one naming the org), or the defaults.</summary>
    public ApproveConfig ApproveFor(string org, string repo) =>
        RepoScope.Find(Approve, org, repo) ?? new ApproveConfig
        {
            CommandHelpLink = ApproveConfig.DefaultCommandHelpLink,
            PrProcessLink = ApproveConfig.DefaultPrProcessLink,
        };

    /// <summary>The <c>lgtm</c> entry for a repo, or the defaults.</summary>
    public LgtmConfig LgtmFor(string org, string repo) => RepoScope.Find(Lgtm, org, repo) ?? new LgtmConfig();

    /// <summary>The <c>triggers</c> entry for a repo, or the defaults.</summary>
    public TriggerConfig TriggerFor(string org, string repo) => RepoScope.Find(Triggers, org, repo) ?? new TriggerConfig();

    /// <summary>The <c>welcome</c> entry for a repo, or null when the repo has none.</summary>
    public WelcomeConfig? WelcomeFor(string org, string repo) => RepoScope.Find(Welcome, org, repo);

    /// <summary>The <c>invalid_commit_msg</c> entry for a repo, or the defaults.</summary>
    public InvalidCommitMsgConfig InvalidCommitMsgFor(string org, string repo) =>
        RepoScope.Find(InvalidCommitMsg, org, repo) ?? new InvalidCommitMsgConfig();

    /// <summary>The DCO settings for a repo: the repo's, else the org's, else <c>*</c>'s, else the defaults.</summary>
    public DcoConfig DcoFor(string org, string repo) =>
        Dco.GetValueOrDefault(org + "/" + repo) ?? Dco.GetValueOrDefault(org) ?? Dco.GetValueOrDefault("*") ?? new DcoConfig();

    /// <summary>The OWNERS file names for a repo: the repo's, else the org's, else OWNERS and OWNERS_ALIASES.</summary>
    public OwnersFilenames OwnersFilenamesFor(string org, string repo) =>
        Owners.Filenames.GetValueOrDefault(org + "/" + repo) ?? Owners.Filenames.GetValueOrDefault(org)
        ?? new OwnersFilenames { Owners = OwnersFilenames.DefaultOwners, OwnersAliases = OwnersFilenames.DefaultOwnersAliases };

    /// <summary>Whether markdown files of the repo may carry YAML OWNERS headers.</summary>
    public bool MdYamlEnabled(string org, string repo) => RepoScope.Matches(Owners.MdYamlRepos, org, repo);

    /// <summary>Whether approve and lgtm use OWNERS files only (no collaborator cross-check) in the repo.</summary>
    public bool SkipCollaborators(string org, string repo) => RepoScope.Matches(Owners.SkipCollaborators, org, repo);
}
