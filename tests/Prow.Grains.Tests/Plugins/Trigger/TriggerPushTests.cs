using System.Text.Json.Nodes;
using Prow.Abstractions.Jobs;
using Prow.Grains.Plugins.Trigger;
using Prow.TestSupport;
using static Prow.Grains.Tests.Plugins.Trigger.TriggerHarness;

namespace Prow.Grains.Tests.Plugins.Trigger;

public class TriggerPushTests
{
    private const string After = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c";

    private static string Push(string branch, bool deleted = false, params string[][] commitFiles) =>
        WebhookPayloads.Edit("push", p =>
        {
            p["ref"] = "refs/heads/" + branch;
            p["after"] = deleted ? "0000000000000000000000000000000000000000" : After;
            p["deleted"] = deleted;
            p["compare"] = "https://github.com/Codertocat/Hello-World/compare/abc...def";
            var commits = new JsonArray();
            foreach (var files in commitFiles)
                commits.Add(new JsonObject { ["id"] = "c", ["added"] = new JsonArray(), ["removed"] = new JsonArray(), ["modified"] = new JsonArray([.. files.Select(f => (JsonNode)f)]) });
            p["commits"] = commits;
        });

    private static readonly Abstractions.Config.Jobs.Postsubmit[] Postsubmits =
    [
        Post("build"),
        Post("docs", j => j.RunIfChanged = "^docs/"),
        Post("release", j => j.Branches = ["^release-.*$"]),
        Post("manual", j => j.AlwaysRun = false),
    ];

    private static async Task<TriggerHarness> PushAsync(string payload)
    {
        var h = new TriggerHarness(postsubmits: Postsubmits);
        await h.DispatchAsync("push", payload);
        Assert.Empty(h.Errors);
        return h;
    }

    // case, branch, files per commit, jobs expected
    public static TheoryData<string, string, string[][], string[]> Cases => new()
    {
        { "push to master runs the master jobs", "master", [["README.md"]], ["build"] },
        { "files under docs run docs", "master", [["README.md"], ["docs/a.md"]], ["build", "docs"] },
        { "a release branch runs the release job", "release-1.0", [["README.md"]], ["build", "release"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PushEvent(string name, string branch, string[][] files, string[] jobs)
    {
        var h = await PushAsync(Push(branch, false, files));

        Assert.True(jobs.SequenceEqual(h.Jobs.JobNames), $"{name}: {string.Join(",", h.Jobs.JobNames)}");
    }

    [Fact]
    public async Task Push_CreatesPostsubmitsForThePushedSha()
    {
        var h = await PushAsync(Push("master", false, ["README.md"]));

        var job = Assert.Single(h.Jobs.Jobs);
        Assert.Equal(ProwJobType.Postsubmit, job.Spec.Type);
        Assert.Equal(JobNames.For("delivery-1", "build", After).ToString("D"), job.Metadata.Name);
        Assert.Equal("test-pods", job.Metadata.Namespace);
        Assert.Equal("delivery-1", job.Metadata.Labels![ProwJobLabels.EventGuid]);
        var refs = job.Spec.Refs!;
        Assert.Equal(("Codertocat", "Hello-World", "master", After), (refs.Org, refs.Repo, refs.BaseRef, refs.BaseSha));
        Assert.Equal("https://github.com/Codertocat/Hello-World/compare/abc...def", refs.BaseLink);
        Assert.Null(refs.Pulls);
        Assert.Empty(h.GitHub.Calls);
    }

    [Fact]
    public async Task BranchDeletion_RunsNothing()
    {
        var h = await PushAsync(Push("master", deleted: true));

        Assert.Empty(h.Jobs.Jobs);
    }

    [Fact]
    public async Task RedeliveredPush_StartsEachJobOnce()
    {
        var h = await PushAsync(Push("master", false, ["README.md"]));
        await h.DispatchAsync("push", Push("master", false, ["README.md"]));

        Assert.Single(h.Jobs.Jobs);
    }
}

public class JobNamesTests
{
    [Fact]
    public void Names_AreVersion5Uuids_FromDeliveryJobAndSha()
    {
        var name = JobNames.For("delivery-1", "unit", "abc");

        Assert.Equal(name, JobNames.For("delivery-1", "unit", "abc"));
        Assert.NotEqual(name, JobNames.For("delivery-2", "unit", "abc"));
        Assert.NotEqual(name, JobNames.For("delivery-1", "lint", "abc"));
        Assert.NotEqual(name, JobNames.For("delivery-1", "unit", "abd"));
        Assert.Equal('5', name.ToString("D")[14]);
        Assert.Contains(name.ToString("D")[19], "89ab");
    }

    [Fact]
    public void UuidV5_MatchesRfcExample()
    {
        // RFC 9562 appendix A.4: DNS namespace, "www.example.com".
        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), JobNames.UuidV5(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"));
    }
}

public class TriggerTrustTests
{
    private static readonly Abstractions.Config.Plugins.TriggerConfig Defaults = new();

    [Theory]
    [InlineData("member", true)]
    [InlineData("collab", true)]
    [InlineData("stranger", false)]
    [InlineData("k8s-ci-robot", true)]
    [InlineData("k8s-ci-robot[bot]", true)]
    public async Task TrustedUser(string login, bool trusted)
    {
        var gitHub = new RecordingGitHub();
        gitHub.OrgMembers.Add("member");
        gitHub.Collaborators.Add("collab");

        Assert.Equal(trusted, await TriggerTrust.TrustedUserAsync(gitHub, Defaults, login, "org", "repo", default));
    }

    [Fact]
    public async Task TrustedUser_StopsAtTheFirstYes()
    {
        var gitHub = new RecordingGitHub();
        gitHub.OrgMembers.Add("member");

        await TriggerTrust.TrustedUserAsync(gitHub, Defaults, "member", "org", "repo", default);

        Assert.Equal(["GetBotUser", "IsMember org member"], gitHub.Calls);
    }

    [Fact]
    public async Task OnlyOrgMembers_DoesNotAskAboutCollaborators()
    {
        var gitHub = new RecordingGitHub();
        gitHub.Collaborators.Add("collab");

        Assert.False(await TriggerTrust.TrustedUserAsync(gitHub, new() { OnlyOrgMembers = true }, "collab", "org", "repo", default));
        Assert.DoesNotContain(gitHub.Calls, c => c.StartsWith("IsCollaborator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TrustedPullRequest_ByOkToTestLabel()
    {
        var gitHub = new RecordingGitHub();
        gitHub.SetLabels("org", "repo", 3, "OK-To-Test");

        var (_, trusted) = await TriggerTrust.TrustedPullRequestAsync(gitHub, Defaults, "stranger", "org", "repo", 3, null, default);

        Assert.True(trusted);
    }
}

public class TriggerHelpTests
{
    [Fact]
    public void Help_ListsProwsCommands()
    {
        var plugin = new TriggerPlugin(new RecordingProwJobCreator());

        Assert.Equal(["/ok-to-test", "/ok-to-test cancel", "/test [<job name>|all]", "/retest", "/test-manual-required", "/test ?"], plugin.Commands.Select(c => c.UsageText));
        Assert.Equal(["trigger"], new Prow.Grains.Plugins.PluginCatalog([plugin]).All.Select(p => p.Name));
        Assert.StartsWith("The trigger plugin starts jobs in reaction to various events.\n<br>Presubmit jobs", plugin.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_DescribesTheTrustedOrg()
    {
        var plugin = new TriggerPlugin(new RecordingProwJobCreator());
        var config = new Abstractions.Config.Plugins.PluginsConfig { Triggers = [new() { Repos = ["org/other"], TrustedOrg = "kubernetes" }] };

        var info = plugin.DescribeConfig(config, ["org/repo", "org/other", "org"])!;

        Assert.Equal("The trusted GitHub organization for this repository is \"org\".", info["org/repo"]);
        Assert.Equal("The trusted GitHub organization for this repository is \"kubernetes\".", info["org/other"]);
        Assert.Equal(2, info.Count);
    }
}
