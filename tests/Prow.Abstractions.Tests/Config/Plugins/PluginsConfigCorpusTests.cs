using Prow.Abstractions.Config.Plugins;
using Prow.Abstractions.Config.Yaml;
using Prow.TestSupport;

namespace Prow.Abstractions.Tests.Config.Plugins;

/// <summary>The plugins.yaml files of the shared corpus: Kubernetes' real one and Prow's documented reference.</summary>
public sealed class PluginsConfigCorpusTests
{
    private static readonly string KubernetesPlugins = RepoPaths.CorpusFile("kubernetes", "config", "prow", "plugins.yaml");
    private static readonly string DocumentedPlugins = RepoPaths.CorpusFile("prow-reference", "plugin-config-documented.yaml");

    private static readonly Lazy<(PluginsConfig Config, List<ConfigDiagnostic> Diagnostics)> Kubernetes = new(() =>
    {
        var diagnostics = new List<ConfigDiagnostic>();
        var config = PluginsConfigLoader.Load(KubernetesPlugins, diagnostics);
        Assert.NotNull(config);
        return (config, diagnostics);
    });

    [Fact]
    public void KubernetesPluginsYaml_LoadsWithoutErrorsOrUnknownKeys()
    {
        var diagnostics = Kubernetes.Value.Diagnostics;

        Assert.Empty(diagnostics.Errors().Select(d => d.ToString()));
        Assert.Empty(diagnostics.Where(d => d.IsUnknownKey).Select(d => d.ToString()));
    }

    [Fact]
    public void KubernetesPluginsYaml_HasTheExpectedPluginEntries()
    {
        var config = Kubernetes.Value.Config;

        Assert.Equal(82, config.Plugins.Count);
        Assert.Equal(5, config.Plugins.Keys.Count(k => !k.Contains('/')));
        Assert.Equal(77, config.Plugins.Keys.Count(k => k.Contains('/')));
        Assert.Equal(32, config.Plugins["kubernetes"].Plugins.Count);
        Assert.All(config.Plugins.Values, entry => Assert.False(entry.IsListForm));
        Assert.Equal(60, config.ExternalPlugins.Count);
        Assert.Equal(64, config.ExternalPlugins.Values.Sum(list => list.Count));
    }

    [Fact]
    public void KubernetesPluginsYaml_EnabledPluginsMergeOrgAndRepo()
    {
        var enabled = Kubernetes.Value.Config.EnabledPluginsFor("kubernetes", "kubernetes");

        Assert.Contains("approve", enabled);
        Assert.Contains("trigger", enabled);
        Assert.Contains("cherry-pick-unapproved", enabled);
        Assert.Equal(32 + 9, enabled.Count);
    }

    [Fact]
    public void KubernetesPluginsYaml_ExternalPluginEndpointsAreExplicitOrDefaulted()
    {
        var config = Kubernetes.Value.Config;

        var needsRebase = Assert.Single(config.ExternalPlugins["kubernetes"]);
        Assert.Equal("needs-rebase", needsRebase.Name);
        Assert.Equal("http://needs-rebase", needsRebase.Endpoint);
        Assert.Equal(["issue_comment", "pull_request"], needsRebase.Events);
        Assert.Equal("http://cherrypicker", Assert.Single(config.ExternalPlugins["kubernetes/autoscaler"]).Endpoint);
        Assert.Equal(["needs-rebase"], config.ExternalPluginsFor("kubernetes", "kubernetes").Select(p => p.Name));
        Assert.Equal(["needs-rebase", "cherrypicker"], config.ExternalPluginsFor("kubernetes-sigs", "kueue").Select(p => p.Name));
    }

    [Fact]
    public void KubernetesPluginsYaml_SectionValuesMatchTheFile()
    {
        var config = Kubernetes.Value.Config;

        Assert.Equal([10, 30, 100, 500, 1000], new[] { config.Size.S, config.Size.M, config.Size.L, config.Size.Xl, config.Size.Xxl });
        Assert.Equal(50, config.RequireMatchingLabel.Count);
        Assert.Equal("do-not-merge/needs-kind", config.RequireMatchingLabel[0].MissingLabel);
        Assert.Equal(TimeSpan.FromSeconds(5), config.RequireMatchingLabel[0].GracePeriodDuration);
        Assert.Matches(config.RequireMatchingLabel[0].Re!, "kind/bug");
        Assert.Equal(9, config.Blockades.Count);
        Assert.Equal("^release-*", config.Blockades[3].BranchRegexp);
        Assert.Equal(2, config.Blunderbuss.MaxRequestCount);
        Assert.Equal(2, config.Blunderbuss.RequestCount);
        Assert.Equal(".*", config.Heart.CommentRegexp);
        Assert.Equal(12, config.BranchCleaner.PreservedBranches["kubernetes-sigs/cloud-provider-azure"].Count);
        Assert.Equal("v1.37", config.MilestoneApplier["kubernetes/kubernetes"]["master"]);
        Assert.Equal("milestone-maintainers", config.RepoMilestone[""].MaintainersTeam);
        Assert.Equal(3162587, config.Project.Orgs["kubernetes"].MaintainerTeamId);
        Assert.Equal("Backlog", config.Project.ColumnMapFor("kubernetes", "kubernetes")!["Workloads"]);
        Assert.StartsWith("This cherry pick PR is for a release branch", config.CherryPickUnapproved.Comment);
        Assert.Equal(CherryPickUnapprovedConfig.DefaultBranchRegexp, config.CherryPickUnapproved.BranchRegexp);
        Assert.Equal(12, config.Slack.MergeWarnings.Count);
        Assert.Equal(["kubernetes/website"], config.Owners.MdYamlRepos);
        Assert.Equal(["approved", "lgtm"], config.Owners.LabelsDenyList);
        Assert.True(config.Retitle.AllowClosedIssues);
    }

    [Fact]
    public void KubernetesPluginsYaml_ConfigUpdaterMapsKeepTheirTargets()
    {
        var maps = Kubernetes.Value.Config.ConfigUpdater.Maps;

        Assert.Equal(5, maps.Count);
        var jobs = maps["config/jobs/**/*.{yaml,yml}"];
        Assert.Equal("job-config", jobs.Name);
        Assert.True(jobs.Gzip);
        Assert.Equal(["default"], jobs.Clusters["test-infra-trusted"]);
        Assert.Equal(2, maps["label_sync/labels.yaml"].Clusters.Count);
    }

    [Fact]
    public void KubernetesPluginsYaml_PerRepoLookupsPreferRepoEntries()
    {
        var config = Kubernetes.Value.Config;

        var capiTrigger = config.TriggerFor("kubernetes-sigs", "cluster-api");
        Assert.True(capiTrigger.TriggerGithubWorkflows);
        Assert.True(capiTrigger.OnlyOrgMembers);
        Assert.False(config.TriggerFor("kubernetes-sigs", "kind").TriggerGithubWorkflows);
        Assert.True(config.ApproveFor("kubernetes", "website").RequireSelfApproval);
        Assert.True(config.ApproveFor("kubernetes", "kubernetes").HasSelfApproval);
        Assert.True(config.LgtmFor("kubernetes", "kubernetes").StoreTreeHash);
        Assert.True(config.LgtmFor("kubernetes", "test-infra").ReviewActsAsLgtm);
        var cve = config.Label.RestrictedLabelsFor("kubernetes", "kubernetes")["official-cve-feed"];
        Assert.Equal(["pushkarj"], cve.AllowedUsers);
        Assert.Equal(["security-response-committee"], cve.AllowedTeams);
        Assert.True(config.SkipCollaborators("kubernetes-sigs", "contributor-playground"));
    }

    [Fact]
    public void DocumentedReference_BindsEveryKeyAndFailsOnlyOnItsPlaceholders()
    {
        var diagnostics = new List<ConfigDiagnostic>();

        var config = PluginsConfigLoader.Load(DocumentedPlugins, diagnostics);

        // Every key of Prow's documented plugins.yaml is known to the models.
        Assert.NotNull(config);
        Assert.Empty(diagnostics.Where(d => d.IsUnknownKey).Select(d => d.ToString()));
        // The file is a schema, not a working config: its placeholder values ("" plugin names, " " regexps and
        // durations, request_count 0, a map with both name and partitioned_names) fail Prow's validation too.
        string[] expected =
        [
            "blunderbuss.request_count",
            "config_updater.maps.",
            "config_updater.maps.",
            "invalid_commit_msg[0].checks[0].name",
            "invalid_commit_msg[0].repos",
            "plugins..plugins[0]",
            "require_matching_label[0]",
            "require_matching_label[0].grace_period",
        ];
        Assert.Equal(expected, diagnostics.Errors().Select(d => d.Key).Order(StringComparer.Ordinal));
        Assert.All(diagnostics, d => Assert.Equal(DocumentedPlugins, d.File));
        Assert.True(diagnostics.All(d => d.Line > 0));
    }

    [Fact]
    public void DocumentedReference_BindsNestedSections()
    {
        var config = PluginsConfigLoader.Load(DocumentedPlugins, [])!;

        Assert.True(config.Approve[0].IssueRequired);
        Assert.Equal(" ", config.Approve[0].CommandHelpLink);
        Assert.False(config.Bugzilla.Default[""].AddExternalLink);
        Assert.Equal(" ", config.Bugzilla.Orgs[""].Repos[""].Branches[""].StateAfterClose!.Resolution);
        Assert.Null(config.Bugzilla.Default[""].Statuses);
        Assert.Equal(0, config.ProjectManager.OrgRepos[""].Projects[""].Columns[0].Id);
        Assert.True(config.Triggers[0].OrgInvite.Prominent.Disabled);
        Assert.Equal(0, config.Triggers[0].OrgInvite.Prominent.EffectiveMergedPrThreshold);
        Assert.True(config.Dco[""].SkipDcoCheckForMembers);
        Assert.Empty(config.ExternalPlugins[""]);
        Assert.Empty(config.Label.RestrictedLabels[""]);
        Assert.Equal(" ", config.Owners.Filenames[""].OwnersAliases);
    }
}
