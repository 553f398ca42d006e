using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Tests.Config.Plugins;

/// <summary>Each of Prow's plugins.yaml checks: the error, its key and its line.</summary>
public sealed class PluginsConfigValidationTests
{
    private const string Plugins = TempPluginsYaml.MinimalPlugins;

    /// <summary>case name, YAML, expected key, expected fragment of the problem, expected line.</summary>
    public static TheoryData<string, string, string, string, int> InvalidConfigs => new()
    {
        {
            "unknown plugin name",
            "plugins:\n  org:\n    plugins:\n    - trigger\n    - frobnicate\n",
            "plugins.org.plugins[1]", "unknown plugin \"frobnicate\"", 5
        },
        {
            "unknown plugin name in the list form",
            "plugins:\n  org/repo: [lgtm, frobnicate]\n",
            "plugins.org/repo.plugins[1]", "unknown plugin \"frobnicate\"", 2
        },
        {
            "external plugin listed as a built-in one",
            "plugins:\n  org:\n    plugins: [needs-rebase]\nexternal_plugins:\n  org:\n  - name: needs-rebase\n",
            "plugins.org.plugins[0]", "configure it under external_plugins only", 3
        },
        {
            "plugin enabled on both org and repo",
            "plugins:\n  org:\n    plugins: [trigger, lgtm]\n  org/repo:\n    plugins: [lgtm, size]\n",
            "plugins.org/repo", "plugins [lgtm] are duplicated for org/repo and org", 5
        },
        {
            "blunderbuss and rifle on one entry",
            "plugins:\n  org:\n    plugins: [blunderbuss, rifle]\n",
            "plugins.org", "mutually exclusive", 3
        },
        {
            "blunderbuss on the org and rifle on the repo",
            "plugins:\n  org:\n    plugins: [blunderbuss]\n  org/repo:\n    plugins: [rifle]\n",
            "plugins.org/repo", "conflict between org and org/repo", 5
        },
        {
            "external plugin on both org and repo",
            Plugins + "external_plugins:\n  org:\n  - name: cherrypicker\n  org/repo:\n  - name: cherrypicker\n",
            "external_plugins.org/repo", "external plugins [cherrypicker] are duplicated", 8
        },
        {
            "external plugin without a name",
            Plugins + "external_plugins:\n  org:\n  - endpoint: http://x\n",
            "external_plugins.org[0].name", "needs a name", 6
        },
        {
            "blunderbuss request_count zero",
            Plugins + "blunderbuss:\n  request_count: 0\n",
            "blunderbuss.request_count", "needs to be positive", 5
        },
        {
            "rifle request_count negative",
            Plugins + "rifle:\n  request_count: -1\n",
            "rifle.request_count", "invalid request_count: -1", 5
        },
        {
            "config_updater name and partitioned_names",
            Plugins + "config_updater:\n  maps:\n    a.yaml:\n      name: a\n      partitioned_names: [b, c]\n",
            "config_updater.maps.a.yaml", "mutually exclusive", 7
        },
        {
            "config_updater clusters and cluster_groups",
            Plugins + "config_updater:\n  cluster_groups:\n    g:\n      clusters: [c]\n      namespaces: [n]\n  maps:\n    a.yaml:\n      name: a\n      clusters:\n        c: [n]\n      cluster_groups: [g]\n",
            "config_updater.maps.a.yaml", "both clusters and cluster_groups", 11
        },
        {
            "config_updater unknown cluster group",
            Plugins + "config_updater:\n  maps:\n    a.yaml:\n      name: a\n      cluster_groups: [nope]\n",
            "config_updater.maps.a.yaml.cluster_groups[0]", "inexistent cluster group named nope", 7
        },
        {
            "config_updater two files write one key",
            Plugins + "config_updater:\n  maps:\n    x/a.yaml:\n      name: cm\n    y/a.yaml:\n      name: cm\n",
            "config_updater.maps.y/a.yaml", "key a.yaml in configmap cm updated with more than one file", 9
        },
        {
            "config_updater too many partitions",
            Plugins + "config_updater:\n  maps:\n    a.yaml:\n      partitioned_names: [" + string.Join(", ", Enumerable.Range(0, 257).Select(i => "p" + i)) + "]\n",
            "config_updater.maps.a.yaml.partitioned_names", "at most 256 partitions", 7
        },
        {
            "size thresholds out of order",
            Plugins + "size:\n  s: 10\n  m: 5\n  l: 100\n  xl: 500\n  xxl: 1000\n",
            "size", "one of the smaller sizes is bigger than a larger one", 5
        },
        {
            "size with only one threshold, as Prow validates before defaulting",
            Plugins + "size:\n  s: 5\n",
            "size", "one of the smaller sizes is bigger than a larger one", 5
        },
        {
            "require_matching_label without org",
            Plugins + "require_matching_label:\n- regexp: ^kind/\n  missing_label: needs-kind\n  prs: true\n",
            "require_matching_label[0]", "must specify 'org'", 5
        },
        {
            "require_matching_label repo with a slash",
            Plugins + "require_matching_label:\n- org: o\n  repo: o/r\n  regexp: ^kind/\n  missing_label: needs-kind\n  prs: true\n",
            "require_matching_label[0]", "'repo' may not contain '/'", 5
        },
        {
            "require_matching_label without regexp",
            Plugins + "require_matching_label:\n- org: o\n  missing_label: needs-kind\n  prs: true\n",
            "require_matching_label[0]", "must specify 'regexp'", 5
        },
        {
            "require_matching_label without missing_label",
            Plugins + "require_matching_label:\n- org: o\n  regexp: ^kind/\n  prs: true\n",
            "require_matching_label[0]", "must specify 'missing_label'", 5
        },
        {
            "require_matching_label for neither PRs nor issues",
            Plugins + "require_matching_label:\n- org: o\n  regexp: ^kind/\n  missing_label: needs-kind\n",
            "require_matching_label[0]", "must specify 'prs: true' and/or 'issues: true'", 5
        },
        {
            "require_matching_label branch without prs",
            Plugins + "require_matching_label:\n- org: o\n  branch: main\n  issues: true\n  regexp: ^kind/\n  missing_label: needs-kind\n",
            "require_matching_label[0]", "branch cannot be specified without `prs: true'", 5
        },
        {
            "require_matching_label regexp matches its own label",
            Plugins + "require_matching_label:\n- org: o\n  prs: true\n  regexp: kind\n  missing_label: needs-kind\n",
            "require_matching_label[0]", "'regexp' must not match 'missing_label'", 5
        },
        {
            "require_matching_label bad regexp",
            Plugins + "require_matching_label:\n- org: o\n  prs: true\n  regexp: ^(kind/\n  missing_label: needs-kind\n",
            "require_matching_label[0].regexp", "invalid regular expression \"^(kind/\"", 5
        },
        {
            "require_matching_label bad grace period",
            Plugins + "require_matching_label:\n- org: o\n  prs: true\n  regexp: ^kind/\n  missing_label: needs-kind\n  grace_period: 5 minutes\n",
            "require_matching_label[0].grace_period", "invalid duration \"5 minutes\"", 5
        },
        {
            "sigmention bad regexp",
            Plugins + "sigmention:\n  regexp: '@(sig-'\n",
            "sigmention.regexp", "invalid regular expression", 5
        },
        {
            "heart bad regexp",
            Plugins + "heart:\n  adorees: [a]\n  commentregexp: '[a-'\n",
            "heart.commentregexp", "invalid regular expression", 5
        },
        {
            "blockade bad branch regexp",
            Plugins + "blockades:\n- repos: [o/r]\n  branchregexp: '*release'\n  blockregexps: [^docs/]\n",
            "blockades[0].branchregexp", "invalid regular expression", 5
        },
        {
            "blockade block regexp with look-ahead (not RE2)",
            Plugins + "blockades:\n- repos: [o/r]\n  blockregexps: ['^docs/(?!keep)']\n",
            "blockades[0].blockregexps[0]", "look-around is not supported", 5
        },
        {
            "blockade exception regexp with a back-reference (not RE2)",
            Plugins + "blockades:\n- repos: [o/r]\n  blockregexps: [.*]\n  exceptionregexps: ['(a)\\1']\n",
            "blockades[0].exceptionregexps[0]", "back-references are not supported", 5
        },
        {
            "cherry_pick_unapproved bad branch regexp",
            Plugins + "cherry_pick_unapproved:\n  branchregexp: '^release-(.*'\n",
            "cherry_pick_unapproved.branchregexp", "invalid regular expression", 5
        },
        {
            "cherry_pick_approved bad branch regexp",
            Plugins + "cherry_pick_approved:\n- org: o\n  repo: r\n  branchregexp: '['\n",
            "cherry_pick_approved[0].branchregexp", "invalid regular expression", 5
        },
        {
            "blunderbuss wait_for_status bad description",
            Plugins + "blunderbuss:\n  wait_for_status:\n    description: '(?<=x)y'\n",
            "blunderbuss.wait_for_status.description", "look-around", 6
        },
        {
            "project_manager without projects",
            Plugins + "project_manager:\n  orgsRepos:\n    o/r:\n      projects: {}\n",
            "project_manager.orgsRepos.o/r", "has no projects configured", 7
        },
        {
            "project_manager project without columns",
            Plugins + "project_manager:\n  orgsRepos:\n    o/r:\n      projects:\n        p:\n          columns: []\n",
            "project_manager.orgsRepos.o/r.projects.p", "has no columns configured", 9
        },
        {
            "project_manager column without name or id",
            Plugins + "project_manager:\n  orgsRepos:\n    o/r:\n      projects:\n        p:\n          columns:\n          - labels: [a]\n            org: o\n",
            "project_manager.orgsRepos.o/r.projects.p.columns[0]", "has no name/id configured", 10
        },
        {
            "project_manager column without labels",
            Plugins + "project_manager:\n  orgsRepos:\n    o/r:\n      projects:\n        p:\n          columns:\n          - name: c\n            org: o\n",
            "project_manager.orgsRepos.o/r.projects.p.columns[0]", "has no labels configured", 10
        },
        {
            "project_manager column without org",
            Plugins + "project_manager:\n  orgsRepos:\n    o/r:\n      projects:\n        p:\n          columns:\n          - id: 3\n            labels: [a]\n",
            "project_manager.orgsRepos.o/r.projects.p.columns[0]", "has no org configured", 10
        },
        {
            "project_manager columns with the same labels",
            Plugins + "project_manager:\n  orgsRepos:\n    o/r:\n      projects:\n        p:\n          columns:\n          - {name: a, org: o, labels: [x, y]}\n          - {name: b, org: o, labels: [y, x]}\n",
            "project_manager.orgsRepos.o/r.projects.p.columns[1]", "has same labels configured as another column", 11
        },
        {
            "approve repo listed twice",
            Plugins + "approve:\n- repos: [o/r]\n- repos: [o/r]\n",
            "approve[1].repos", "the repo \"o/r\" is listed more than once in the 'approve'", 6
        },
        {
            "welcome org listed twice",
            Plugins + "welcome:\n- repos: [o, o]\n",
            "welcome[0].repos", "the org \"o\" is listed more than once in the 'welcome'", 5
        },
        {
            "invalid_commit_msg repo listed twice",
            Plugins + "invalid_commit_msg:\n- repos: [o]\n- repos: [o]\n",
            "invalid_commit_msg[1].repos", "listed more than once in the 'invalid_commit_msg'", 6
        },
        {
            "invalid_commit_msg blank repo",
            Plugins + "invalid_commit_msg:\n- repos: ['  ']\n",
            "invalid_commit_msg[0].repos", "must be of the form org or org/repo", 5
        },
        {
            "invalid_commit_msg unknown check",
            Plugins + "invalid_commit_msg:\n- repos: [o]\n  checks:\n  - name: noTypos\n",
            "invalid_commit_msg[0].checks[0].name", "unknown check name \"noTypos\"", 7
        },
        {
            "invalid_commit_msg check without name",
            Plugins + "invalid_commit_msg:\n- repos: [o]\n  checks:\n  - disabled: true\n",
            "invalid_commit_msg[0].checks[0].name", "check name cannot be empty", 7
        },
        {
            "restricted label without a name",
            Plugins + "label:\n  restricted_labels:\n    o/r:\n    - allowed_teams: [t]\n",
            "label.restricted_labels.o/r[0].label", "needs a label name", 7
        },
        {
            "restricted label configured twice in one scope",
            Plugins + "label:\n  restricted_labels:\n    o:\n    - label: cve\n      allowed_teams: [a]\n    - label: CVE\n      allowed_users: [b]\n",
            "label.restricted_labels.o[1].label", "multiple label.restricted_labels configs for label CVE", 9
        },
        {
            "wrong scalar type",
            Plugins + "size:\n  s: ten\n",
            "size.s", "invalid value \"ten\": expected an integer", 5
        },
        {
            "plugins entry neither list nor mapping",
            "plugins:\n  org: trigger\n",
            "plugins.org", "expected a list of plugin names or a mapping", 2
        },
    };

    [Theory]
    [MemberData(nameof(InvalidConfigs))]
    public void InvalidConfig_ReportsErrorWithKeyAndLine(string caseName, string yaml, string key, string problem, int line)
    {
        var (config, diagnostics, path) = TempPluginsYaml.Load(yaml);

        Assert.NotNull(config);
        var error = Assert.Single(diagnostics.Errors(), d => d.Key == key && d.Problem.Contains(problem, StringComparison.Ordinal));
        Assert.True(line == error.Line, $"{caseName}: expected line {line}, got {error}");
        Assert.Equal(path, error.File);
        Assert.StartsWith($"{path}:{line}: {key}: ", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>case name, YAML, expected key, expected fragment of the warning.</summary>
    public static TheoryData<string, string, string, string> WarningConfigs => new()
    {
        { "no plugins at all", "size:\n  s: 1\n  m: 2\n  l: 3\n  xl: 4\n  xxl: 5\n", "plugins", "no plugins specified" },
        { "deprecated list form", "plugins:\n  org: [trigger]\n", "plugins", "deprecated style" },
        { "trusted_org is deprecated", Plugins + "triggers:\n- repos: [o]\n  trusted_org: o\n", "triggers[0].trusted_org", "deprecated" },
        { "maintainers_id is deprecated", Plugins + "repo_milestone:\n  o/r:\n    maintainers_id: 12\n", "repo_milestone.o/r.maintainers_id", "deprecated" },
        { "excluded_repos on a repo entry", "plugins:\n  o/r:\n    plugins: [trigger]\n    excluded_repos: [x]\n", "plugins.o/r.excluded_repos", "only applies to org entries" },
        { "restricted label nobody may set", Plugins + "label:\n  restricted_labels:\n    '*':\n    - label: frozen\n", "label.restricted_labels.*[0]", "nobody can set label frozen" },
        { "excluded_repos with the org in it", "plugins:\n  o:\n    plugins: [trigger]\n    excluded_repos: [o/x]\n", "plugins.o.excluded_repos", "never matches" },
    };

    [Theory]
    [MemberData(nameof(WarningConfigs))]
    public void DubiousConfig_ReportsWarningNotError(string caseName, string yaml, string key, string problem)
    {
        var (config, diagnostics, _) = TempPluginsYaml.Load(yaml);

        Assert.NotNull(config);
        Assert.True(!diagnostics.Errors().Any(), $"{caseName}: {string.Join("; ", diagnostics)}");
        var warning = Assert.Single(diagnostics, d => d.Key == key);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains(problem, warning.Problem, StringComparison.Ordinal);
        Assert.False(warning.IsUnknownKey);
    }

    [Theory]
    [InlineData("plugins:\n  org:\n    plugins: [trigger]\n    enabled: true\n", "plugins.org.enabled", 4)]
    [InlineData(Plugins + "lgtm:\n- repos: [o]\n  review_acts_as_lgtn: true\n", "lgtm[0].review_acts_as_lgtn", 6)]
    [InlineData(Plugins + "needs_rebase:\n  x: 1\n", "needs_rebase", 4)]
    [InlineData(Plugins + "config_updater:\n  maps:\n    a.yaml:\n      name: a\n      namespace: ns\n", "config_updater.maps.a.yaml.namespace", 8)]
    public void UnknownKey_IsReportedAsUnknownKeyWarning(string yaml, string key, int line)
    {
        var (config, diagnostics, _) = TempPluginsYaml.Load(yaml);

        Assert.NotNull(config);
        var warning = Assert.Single(diagnostics, d => d.IsUnknownKey);
        Assert.Equal((key, line, DiagnosticSeverity.Warning), (warning.Key, warning.Line, warning.Severity));
        Assert.Empty(diagnostics.Errors());
    }

    [Fact]
    public void ValidRegexps_InGoSyntax_AreAccepted()
    {
        var yaml = Plugins + "sigmention:\n  regexp: '(?m)@kubernetes/sig-(?P<sig>[[:alnum:]-]*)-(misc|bugs)'\n"
            + "blockades:\n- repos: [o]\n  blockregexps: ['^pkg/util/[^/]+\\.go$', '\\pL+']\n";

        var (config, diagnostics, _) = TempPluginsYaml.Load(yaml);

        Assert.Empty(diagnostics.Errors());
        var match = config!.SigMention.Re!.Match("cc @kubernetes/sig-node-1-bugs");
        Assert.Equal("node-1", match.Groups["sig"].Value);
    }
}
