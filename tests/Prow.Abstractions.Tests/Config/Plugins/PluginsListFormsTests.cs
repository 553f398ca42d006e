using Prow.Abstractions.Config.Plugins;

namespace Prow.Abstractions.Tests.Config.Plugins;

/// <summary>The two shapes of <c>plugins:</c> entries and how Prow combines org and repo entries.</summary>
public sealed class PluginsListFormsTests
{
    private const string MappingForm = """
        plugins:
          org-b:
            plugins: [approve, hold]
            excluded_repos: [skipped]
          org-b/skipped:
            plugins: [size]
          org-b/extra:
            plugins: [wip]
          org-c/only:
            plugins: [lgtm]
        """;

    private const string ListForm = """
        plugins:
          org-a: [trigger, lgtm]
          org-a/repo: [size]
        """;

    /// <summary>case name, YAML, org, repo, expected plugins in order.</summary>
    public static TheoryData<string, string, string, string, string[]> EnabledCases => new()
    {
        { "org plugins apply to any repo of the org", MappingForm, "org-b", "normal", ["approve", "hold"] },
        { "an excluded repo gets only its own plugins", MappingForm, "org-b", "skipped", ["size"] },
        { "a repo entry adds to the org's plugins", MappingForm, "org-b", "extra", ["approve", "hold", "wip"] },
        { "a repo entry alone", MappingForm, "org-c", "only", ["lgtm"] },
        { "another repo of an org with only repo entries", MappingForm, "org-c", "other", [] },
        { "an unconfigured org", MappingForm, "org-z", "x", [] },
        { "org and repo names are case-sensitive, as in Prow", MappingForm, "Org-B", "normal", [] },
        { "list form: org plugins", ListForm, "org-a", "x", ["trigger", "lgtm"] },
        { "list form: org and repo", ListForm, "org-a", "repo", ["trigger", "lgtm", "size"] },
    };

    [Theory]
    [MemberData(nameof(EnabledCases))]
    public void EnabledPluginsFor_CombinesOrgAndRepoEntries(string caseName, string yaml, string org, string repo, string[] expected)
    {
        var (config, diagnostics, _) = TempPluginsYaml.Load(yaml);

        Assert.True(!diagnostics.Errors().Any(), $"{caseName}: {string.Join("; ", diagnostics)}");
        Assert.Equal(expected, config!.EnabledPluginsFor(org, repo));
    }

    [Fact]
    public void MappingForm_KeepsPluginsExcludedReposAndLines()
    {
        var (config, _, path) = TempPluginsYaml.Load(MappingForm);

        var orgB = config!.Plugins["org-b"];
        Assert.Equal(["approve", "hold"], orgB.Plugins);
        Assert.Equal(["skipped"], orgB.ExcludedRepos);
        Assert.False(orgB.IsListForm);
        Assert.Equal([3, 3], orgB.PluginLines);
        Assert.Equal(path, orgB.SourceFile);
    }

    [Fact]
    public void ListForm_IsReadAndFlaggedAsDeprecated()
    {
        var (config, diagnostics, _) = TempPluginsYaml.Load("plugins:\n  org:\n  - trigger\n  - lgtm\n");

        var org = config!.Plugins["org"];
        Assert.True(org.IsListForm);
        Assert.Equal(["trigger", "lgtm"], org.Plugins);
        Assert.Empty(org.ExcludedRepos);
        Assert.Equal([3, 4], org.PluginLines);
        Assert.Contains(diagnostics, d => d.Problem.Contains("deprecated style", StringComparison.Ordinal));
    }

    [Fact]
    public void EnabledReposForPlugin_ListsOrgAndRepoKeys()
    {
        var (config, _, _) = TempPluginsYaml.Load(MappingForm);

        Assert.Equal(["org-b/skipped"], config!.EnabledReposForPlugin("size"));
        Assert.Equal(["org-b"], config.EnabledReposForPlugin("hold"));
        Assert.Equal(["org-c/only"], config.EnabledReposForPlugin("lgtm"));
    }

    [Fact]
    public void ExcludedRepo_MayRepeatOrgPluginsWithoutDuplicateError()
    {
        var yaml = "plugins:\n  o:\n    plugins: [lgtm]\n    excluded_repos: [r]\n  o/r:\n    plugins: [lgtm]\n";

        var (config, diagnostics, _) = TempPluginsYaml.Load(yaml);

        Assert.Empty(diagnostics.Errors());
        Assert.Equal(["lgtm"], config!.EnabledPluginsFor("o", "r"));
    }

    /// <summary>case name, lookup, expected: the first entry naming the repo wins, else the first naming the org.</summary>
    public static TheoryData<string, Func<PluginsConfig, object>, object> LookupCases => new()
    {
        { "trigger: repo entry beats an earlier org entry", c => c.TriggerFor("o", "r").JoinOrgUrl, "repo" },
        { "trigger: org entry for other repos", c => c.TriggerFor("o", "x").JoinOrgUrl, "org" },
        { "trigger: defaults elsewhere", c => c.TriggerFor("p", "x").JoinOrgUrl, "" },
        { "approve: repo entry", c => c.ApproveFor("o", "r").LgtmActsAsApprove, true },
        { "approve: defaults carry the help links", c => c.ApproveFor("p", "x").CommandHelpLink, ApproveConfig.DefaultCommandHelpLink },
        { "lgtm: org entry", c => c.LgtmFor("o", "x").StoreTreeHash, true },
        { "dco: repo, then org, then *", c => c.DcoFor("o", "r").TrustedOrg + c.DcoFor("o", "x").TrustedOrg + c.DcoFor("p", "x").TrustedOrg, "RO*" },
        { "owners filenames: org entry", c => c.OwnersFilenamesFor("o", "x").Owners, "OWNERS_O" },
        { "owners filenames: defaults", c => c.OwnersFilenamesFor("p", "x").OwnersAliases, "OWNERS_ALIASES" },
        { "mdyaml: org entry covers repos", c => c.MdYamlEnabled("o", "x"), true },
    };

    [Theory]
    [MemberData(nameof(LookupCases))]
    public void PerRepoLookup_FollowsProwPrecedence(string caseName, Func<PluginsConfig, object> lookup, object expected)
    {
        const string yaml = """
            plugins:
              o:
                plugins: [trigger]
            triggers:
            - repos: [o]
              join_org_url: org
            - repos: [o/r]
              join_org_url: repo
            approve:
            - repos: [o/r]
              lgtm_acts_as_approve: true
            lgtm:
            - repos: [o]
              store_tree_hash: true
            dco:
              "*": {trusted_org: "*"}
              o: {trusted_org: O}
              o/r: {trusted_org: R}
            owners:
              mdyamlrepos: [o]
              filenames:
                o: {owners: OWNERS_O, owners_aliases: ALIASES_O}
            """;
        var (config, diagnostics, _) = TempPluginsYaml.Load(yaml);

        Assert.True(!diagnostics.Any(), $"{caseName}: {string.Join("; ", diagnostics)}");
        Assert.Equal(expected, lookup(config!));
    }
}
