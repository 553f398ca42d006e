using Prow.Abstractions.Config.Plugins;

namespace Prow.Abstractions.Tests.Config.Plugins;

/// <summary>The defaults Prow fills in when plugins.yaml leaves a setting out.</summary>
public sealed class PluginsConfigDefaultsTests
{
    private static PluginsConfig LoadValid(string yaml)
    {
        var (config, diagnostics, _) = TempPluginsYaml.Load(TempPluginsYaml.MinimalPlugins + yaml);
        Assert.Empty(diagnostics.Errors().Select(d => d.ToString()));
        return config!;
    }

    /// <summary>case name, value read from a config that sets nothing, expected default.</summary>
    public static TheoryData<string, Func<PluginsConfig, object?>, object?> EmptyConfigDefaults => new()
    {
        { "help guidelines URL", c => c.Help.HelpGuidelinesUrl, "https://git.k8s.io/community/contributors/guide/help-wanted.md" },
        { "release-note guidelines URL", c => c.ReleaseNote.GuidelinesUrl, "https://git.k8s.io/community/contributors/guide/release-notes.md" },
        { "blunderbuss request_count", c => c.Blunderbuss.RequestCount, 2 },
        { "blunderbuss max_request_count (no limit)", c => c.Blunderbuss.MaxRequestCount, 0 },
        { "blunderbuss wait_for_status unset", c => c.Blunderbuss.WaitForStatus, null },
        { "rifle request_count", c => c.Rifle.RequestCount, 2 },
        { "sigmention regexp", c => c.SigMention.Regexp, SigMentionConfig.DefaultRegexp },
        { "sigmention regexp compiled", c => c.SigMention.Re!.IsMatch("@kubernetes/sig-node-bugs"), true },
        { "owners labels_denylist", c => string.Join(",", c.Owners.LabelsDenyList!), "approved,lgtm" },
        { "cherry_pick_unapproved branchregexp", c => c.CherryPickUnapproved.BranchRegexp, "^release-.*$" },
        { "cherry_pick_unapproved comment", c => c.CherryPickUnapproved.Comment.StartsWith("This PR is not for the master branch", StringComparison.Ordinal), true },
        { "size s", c => c.Size.S, 10 },
        { "size m", c => c.Size.M, 30 },
        { "size l", c => c.Size.L, 100 },
        { "size xl", c => c.Size.Xl, 500 },
        { "size xxl", c => c.Size.Xxl, 1000 },
        { "config_updater maps", c => string.Join(",", c.ConfigUpdater.Maps.Select(m => $"{m.Key}={m.Value.Name}").Order()), "config/prow/config.yaml=config,config/prow/plugins.yaml=plugins" },
        { "config_updater maps target the default cluster", c => string.Join(",", c.ConfigUpdater.Maps["config/prow/config.yaml"].Clusters.Select(k => $"{k.Key}:[{string.Join(",", k.Value)}]")), "default:[]" },
        { "config_updater gzip", c => c.ConfigUpdater.Gzip, false },
        { "lgtm for any repo: review_acts_as_lgtm", c => c.LgtmFor("o", "r").ReviewActsAsLgtm, false },
        { "approve for any repo: self approval", c => c.ApproveFor("o", "r").HasSelfApproval, true },
        { "approve for any repo: review state counts", c => c.ApproveFor("o", "r").ConsiderReviewState, true },
        { "approve PR process link", c => c.ApproveFor("o", "r").PrProcessLink, ApproveConfig.DefaultPrProcessLink },
        { "golint confidence unset", c => c.Golint.MinimumConfidence, null },
        { "heart comment regexp compiles to match-all", c => c.Heart.CommentRe is not null, true },
        { "retitle closed issues", c => c.Retitle.AllowClosedIssues, false },
    };

    [Theory]
    [MemberData(nameof(EmptyConfigDefaults))]
    public void EmptySection_GetsProwDefault(string caseName, Func<PluginsConfig, object?> read, object? expected)
    {
        var config = LoadValid("");

        Assert.True(Equals(expected, read(config)), $"{caseName}: expected {expected}, got {read(config)}");
    }

    [Fact]
    public void ConfigUpdaterDefaultCluster_HasOneEmptyNamespace()
    {
        var spec = LoadValid("").ConfigUpdater.Maps["config/prow/plugins.yaml"];

        Assert.Equal([""], spec.Clusters[ConfigUpdaterConfig.DefaultClusterAlias]);
    }

    [Fact]
    public void WaitForStatus_WhenPresent_GetsTideDefaults()
    {
        var wait = LoadValid("blunderbuss:\n  wait_for_status: {}\n").Blunderbuss.WaitForStatus!;

        Assert.Equal(("tide", "pending"), (wait.Context, wait.State));
        Assert.Matches(wait.DescriptionRe!, "Not mergeable. Needs approved, lgtm labels.");
    }

    [Fact]
    public void ExplicitValues_AreKept()
    {
        var config = LoadValid("""
            blunderbuss:
              request_count: 3
            size:
              s: 1
              m: 2
              l: 3
              xl: 4
              xxl: 5
            owners:
              labels_denylist: []
            help:
              help_guidelines_url: https://example.com/help
            sigmention:
              regexp: '@example/([a-z]+)'
            """);

        Assert.Equal(3, config.Blunderbuss.RequestCount);
        Assert.Equal([1, 2, 3, 4, 5], new[] { config.Size.S, config.Size.M, config.Size.L, config.Size.Xl, config.Size.Xxl });
        Assert.Empty(config.Owners.LabelsDenyList!);
        Assert.Equal("https://example.com/help", config.Help.HelpGuidelinesUrl);
        Assert.Equal("@example/([a-z]+)", config.SigMention.Regexp);
    }

    [Fact]
    public void EntryDefaults_AreFilledPerEntry()
    {
        var config = LoadValid("""
            external_plugins:
              o:
              - name: needs-rebase
              - name: cherrypicker
                endpoint: http://cherrypicker.svc:8080
            triggers:
            - repos: [o]
              trusted_org: trusted
            - repos: [p]
              trusted_org: t2
              join_org_url: https://example.com/join
            require_matching_label:
            - org: o
              prs: true
              regexp: ^kind/
              missing_label: needs-kind
            - org: o
              issues: true
              regexp: ^sig/
              missing_label: needs-sig
              grace_period: 1m30s
            cherry_pick_approved:
            - org: o
              repo: r
            """);

        Assert.Equal(["http://needs-rebase", "http://cherrypicker.svc:8080"], config.ExternalPlugins["o"].Select(p => p.Endpoint));
        Assert.Equal("https://github.com/orgs/trusted/people", config.Triggers[0].JoinOrgUrl);
        Assert.Equal("https://example.com/join", config.Triggers[1].JoinOrgUrl);
        Assert.Equal(("5s", TimeSpan.FromSeconds(5)), (config.RequireMatchingLabel[0].GracePeriod, config.RequireMatchingLabel[0].GracePeriodDuration));
        Assert.Equal(TimeSpan.FromSeconds(90), config.RequireMatchingLabel[1].GracePeriodDuration);
        Assert.Equal("^release-.*$", config.CherryPickApproved[0].BranchRegexp);
        Assert.Matches(config.CherryPickApproved[0].BranchRe!, "release-1.30");
    }

    [Fact]
    public void ClusterGroups_AreResolvedIntoClusters()
    {
        var config = LoadValid("""
            config_updater:
              cluster_groups:
                build:
                  clusters: [b1, b2]
                  namespaces: [test-pods]
              maps:
                jobs.yaml:
                  name: job-config
                  cluster_groups: [build]
            """);

        var clusters = config.ConfigUpdater.Maps["jobs.yaml"].Clusters;
        Assert.Equal(["b1", "b2"], clusters.Keys.Order());
        Assert.Equal(["test-pods"], clusters["b2"]);
    }

    [Fact]
    public void ExplicitNulls_BecomeEmptyValues()
    {
        var config = LoadValid("""
            label:
              additional_labels:
              restricted_labels:
                o/r: null
            milestone_applier:
              o/r: ~
            approve:
            - repos:
              commandHelpLink:
            """);

        Assert.Empty(config.Label.AdditionalLabels);
        Assert.Empty(config.Label.RestrictedLabels["o/r"]);
        Assert.Empty(config.MilestoneApplier["o/r"]);
        Assert.Empty(config.Approve[0].Repos);
        Assert.Equal(ApproveConfig.DefaultCommandHelpLink, config.Approve[0].CommandHelpLink);
    }

    [Fact]
    public void EmptyFile_IsAnEmptyConfigWithDefaults()
    {
        var (config, diagnostics, _) = TempPluginsYaml.Load("# nothing here\n");

        Assert.NotNull(config);
        Assert.Empty(diagnostics.Errors());
        Assert.Equal(2, config.Blunderbuss.RequestCount);
        Assert.Empty(config.EnabledPluginsFor("o", "r"));
    }

    [Fact]
    public void UnreadableOrUnparsableFile_ReturnsNullWithError()
    {
        var missing = new List<Prow.Abstractions.Config.Yaml.ConfigDiagnostic>();
        Assert.Null(PluginsConfigLoader.Load(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.yaml"), missing));
        Assert.Single(missing.Errors());

        var (config, diagnostics, path) = TempPluginsYaml.Load("plugins:\n  org: [trigger\n");
        Assert.Null(config);
        Assert.Equal(path, Assert.Single(diagnostics.Errors()).File);

        var (listRoot, listDiagnostics, _) = TempPluginsYaml.Load("- trigger\n");
        Assert.Null(listRoot);
        Assert.Single(listDiagnostics.Errors());
    }
}
