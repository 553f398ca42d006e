using CombinedStatus = Prow.Abstractions.GitHub.CombinedStatus;
using CommitStatus = Prow.Abstractions.GitHub.CommitStatus;
using Prow.Abstractions.Jobs;
using Prow.Grains.Plugins;
using Prow.Grains.Plugins.Trigger;
using static Prow.Grains.Tests.Plugins.Trigger.TriggerHarness;

namespace Prow.Grains.Tests.Plugins.Trigger;

public class TriggerCommentTests
{
    private const string Pr = "Codertocat/Hello-World#1";

    private static async Task<TriggerHarness> CommentAsync(string body, string commenter = "member", string prAuthor = "Codertocat",
        string[]? labels = null, string triggers = "", IEnumerable<Abstractions.Config.Jobs.Presubmit>? presubmits = null, Action<TriggerHarness>? setup = null)
    {
        var h = new TriggerHarness(triggers, presubmits);
        h.GitHub.OrgMembers.Add("member");
        h.SetPullRequest(author: prAuthor);
        h.GitHub.SetLabels(Org, Repo, 1, labels ?? []);
        setup?.Invoke(h);
        var payload = System.Text.Json.Nodes.JsonNode.Parse(CommentPayloads.OnPullRequest(body, commenter))!;
        payload["issue"]!["user"]!["login"] = prAuthor;
        await h.DispatchAsync("issue_comment", payload.ToJsonString());
        Assert.Empty(h.Errors);
        return h;
    }

    // case, body, commenter, PR author, labels, jobs expected
    public static TheoryData<string, string, string, string, string[], string[]> Cases => new()
    {
        { "/test NAME runs that job", "/test e2e", "member", "stranger", [], ["e2e"] },
        { "/test two names", "/test e2e unit", "member", "Codertocat", [], ["unit", "e2e"] },
        { "/test all runs the automatic jobs that apply", "/test all", "member", "Codertocat", [], ["unit", "lint"] },
        { "/test all ignores other branches' jobs", "/test all", "member", "Codertocat", [], ["unit", "lint"] },
        { "/test of a job for another branch runs nothing", "/test release", "member", "Codertocat", [], [] },
        { "untrusted commenter on a trusted PR may test", "/test e2e", "stranger", "member", [], ["e2e"] },
        { "untrusted commenter on an ok-to-test PR may test", "/test e2e", "stranger", "stranger", ["ok-to-test"], ["e2e"] },
        { "untrusted commenter on an untrusted PR may not", "/test e2e", "stranger", "stranger", [], [] },
        { "/ok-to-test runs the automatic jobs", "/ok-to-test", "member", "stranger", ["needs-ok-to-test"], ["unit", "lint"] },
        { "/ok-to-test by a stranger does nothing", "/ok-to-test", "stranger", "stranger", ["needs-ok-to-test"], [] },
        { "a command in a code block is ignored", "```\n/test e2e\n```", "member", "Codertocat", [], [] },
        { "a command mid-line is ignored", "please /test e2e", "member", "Codertocat", [], [] },
        { "/test in capitals is not Prow's", "/TEST e2e", "member", "Codertocat", [], [] },
        { "the bot's own comment is ignored", "/test e2e", Bot, "Codertocat", [], [] },
        { "/test-manual-required runs required explicit jobs", "/test-manual-required", "member", "Codertocat", [], ["e2e"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Comment(string name, string body, string commenter, string author, string[] labels, string[] jobs)
    {
        var h = await CommentAsync(body, commenter, author, labels);

        Assert.True(jobs.SequenceEqual(h.Jobs.JobNames), $"{name}: jobs {string.Join(",", h.Jobs.JobNames)}; {string.Join("; ", h.GitHub.Calls)}");
    }

    [Fact]
    public async Task Test_CreatesThePresubmitForThePullRequestsHead()
    {
        var h = await CommentAsync("/test e2e");

        var job = Assert.Single(h.Jobs.Jobs);
        Assert.Equal(JobNames.For("delivery-1", "e2e", "headsha1").ToString("D"), job.Metadata.Name);
        Assert.Equal(("master", "basesha", "headsha1", "Codertocat"), (job.Spec.Refs!.BaseRef, job.Spec.Refs.BaseSha, job.Spec.Refs.Pulls![0].Sha, job.Spec.Refs.Pulls[0].Author));
        Assert.Equal("delivery-1", job.Metadata.Labels![ProwJobLabels.EventGuid]);
        Assert.False(job.Metadata.Labels.ContainsKey(ProwJobLabels.Retest));
        Assert.Empty(h.GitHub.Writes);
    }

    [Fact]
    public async Task Test_OnAnUnmergeablePr_RunsNothing()
    {
        var h = await CommentAsync("/test e2e", setup: h => h.SetPullRequest(mergeable: false));

        Assert.Empty(h.Jobs.Jobs);
    }

    [Fact]
    public async Task Test_ByAStrangerOnAnUntrustedPr_RepliesAsProw()
    {
        var h = await CommentAsync("/test e2e", "stranger", "stranger");

        var reply = Assert.Single(h.GitHub.Comments).Body;
        Assert.Equal(PluginResponses.FormatResponseRaw("/test e2e", CommentPayloads.CommentUrl, "stranger",
            "Cannot trigger testing until a trusted user reviews the PR and leaves an `/ok-to-test` message."), reply);
    }

    [Fact]
    public async Task Test_ByAStrangerWithIgnoreOkToTest_SaysSo()
    {
        var h = await CommentAsync("/test e2e", "stranger", "stranger", triggers: "triggers:\n- repos: [Codertocat]\n  ignore_ok_to_test: true\n");

        Assert.Contains("PRs from untrusted users cannot be marked as trusted with `/ok-to-test` in this repo meaning untrusted PR authors can never trigger tests themselves. Collaborators can still trigger tests on the PR using `/test`.",
            Assert.Single(h.GitHub.Comments).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OkToTest_SwapsTheLabels()
    {
        var h = await CommentAsync("/ok-to-test", "member", "stranger", ["needs-ok-to-test"]);

        Assert.Equal([$"AddLabels {Pr} ok-to-test", $"RemoveLabel {Pr} needs-ok-to-test"], h.GitHub.Writes);
    }

    [Fact]
    public async Task OkToTest_IgnoredWhenConfigured()
    {
        var h = await CommentAsync("/ok-to-test", "member", "stranger", ["needs-ok-to-test"], "triggers:\n- repos: [Codertocat]\n  ignore_ok_to_test: true\n");

        Assert.Empty(h.Jobs.Jobs);
        Assert.Empty(h.GitHub.Writes);
    }

    [Fact]
    public async Task OkToTestCancel_RestoresNeedsOkToTest()
    {
        var h = await CommentAsync("/ok-to-test cancel", "member", "stranger", ["ok-to-test"]);

        Assert.Empty(h.Jobs.Jobs);
        Assert.Equal([$"RemoveLabel {Pr} ok-to-test", $"AddLabels {Pr} needs-ok-to-test"], h.GitHub.Writes);
    }

    [Fact]
    public async Task OkToTestCancel_ByAStranger_IsRefused()
    {
        var h = await CommentAsync("/ok-to-test cancel", "stranger", "stranger", ["ok-to-test"]);

        Assert.Equal(["ok-to-test"], h.GitHub.LabelsOn(Org, Repo, 1));
        Assert.EndsWith("Only trusted users can revoke `/ok-to-test`.", Assert.Single(h.GitHub.Comments).Body.Split("\n\n<details>")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retest_RunsFailedContextsAndAutomaticJobsWithoutAStatus()
    {
        var h = await CommentAsync("/retest", setup: h => h.GitHub.CombinedStatuses[$"{Org}/{Repo} headsha1"] = new CombinedStatus
        {
            Statuses =
            [
                new CommitStatus { Context = "unit", State = "success" },
                new CommitStatus { Context = "e2e", State = "failure" },
                new CommitStatus { Context = "docs", State = "error" },
            ],
        });

        // e2e and docs failed (docs runs although its files did not change: defaults = failed); lint has no status yet.
        Assert.Equal(["docs", "lint", "e2e"], h.Jobs.JobNames);
        Assert.All(h.Jobs.Jobs, j => Assert.Equal("true", j.Metadata.Labels![ProwJobLabels.Retest]));
    }

    [Fact]
    public async Task RetestRequired_SkipsOptionalJobs()
    {
        var h = await CommentAsync("/retest-required");

        Assert.Equal(["unit"], h.Jobs.JobNames);
    }

    [Fact]
    public async Task TestHelp_ListsTheCommandsAsProw()
    {
        var h = await CommentAsync("/test ?");

        Assert.Empty(h.Jobs.Jobs);
        var reply = Assert.Single(h.GitHub.Comments).Body;
        Assert.Equal(PluginResponses.FormatResponseRaw("/test ?", CommentPayloads.CommentUrl, "member",
            "The following commands are available to trigger required jobs:\n```\n/test docs\n```\n```\n/test e2e\n```\n```\n/test unit\n```\n\n" +
            "The following commands are available to trigger optional jobs:\n```\n/test lint\n```\n\n" +
            "Use `/test all` to run the following jobs that were automatically triggered:\n```\nlint\n```\n```\nunit\n```\n\n"), reply);
    }

    [Theory]
    [InlineData("/test", "The `/test` command needs one or more targets.\n")]
    [InlineData("/test nonexistent", "The specified target(s) for `/test` were not found.\n")]
    [InlineData("/retest e2e", "The `/retest` command does not accept any targets.\n")]
    public async Task TestWithoutAValidTarget_RepliesWithANoteAndTheList(string body, string note)
    {
        var h = await CommentAsync(body);

        Assert.Empty(h.Jobs.Jobs);
        Assert.Contains("@member: " + note + "The following commands are available to trigger required jobs:", Assert.Single(h.GitHub.Comments).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestAll_WithNoAutomaticJobs_SaysSo()
    {
        var h = await CommentAsync("/test all", presubmits: [Job("e2e")]);

        Assert.Contains("No jobs can be run with `/test all`.\nThe following commands are available to trigger required jobs:\n```\n/test e2e\n```\n\n",
            Assert.Single(h.GitHub.Comments).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestHelp_WithNoJobsForTheBranch_SaysSo()
    {
        var h = await CommentAsync("/test ?", presubmits: [Job("release", j => j.Branches = ["^release-.*$"])]);

        Assert.Contains("No presubmit jobs available for Codertocat/Hello-World@master", Assert.Single(h.GitHub.Comments).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomTriggerAndRerunCommand()
    {
        Abstractions.Config.Jobs.Presubmit[] jobs = [Job("integration", j => { j.Trigger = @"(?m)^/integrate\s*$"; j.RerunCommand = "/integrate"; }), Job("unit", j => j.AlwaysRun = true)];
        var run = await CommentAsync("/integrate", presubmits: jobs);
        var help = await CommentAsync("/test ?", presubmits: jobs);

        Assert.Equal(["integration"], run.Jobs.JobNames);
        Assert.Contains("```\n/integrate\n```\n```\n/test unit\n```", Assert.Single(help.GitHub.Comments).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_PrunesTheBotsEarlierHelpReplies()
    {
        var h = await CommentAsync("/test e2e", setup: h => h.GitHub.IssueComments[Pr] =
        [
            new() { Id = 1, User = new() { Login = Bot }, Body = "@member: The specified target(s) for `/test` were not found.\nThe following commands are available to trigger required jobs:" },
            new() { Id = 2, User = new() { Login = Bot }, Body = "Hi @stranger. Thanks for your PR." },
            new() { Id = 3, User = new() { Login = "member" }, Body = "The following commands are available to trigger required jobs:" },
        ]);

        Assert.Equal(["e2e"], h.Jobs.JobNames);
        Assert.Equal(["DeleteComment Codertocat/Hello-World 1"], h.GitHub.Writes);
    }

    [Fact]
    public async Task OkToTest_DoesNotPrune()
    {
        var h = await CommentAsync("/ok-to-test", "member", "stranger");

        Assert.DoesNotContain(h.GitHub.Calls, c => c.StartsWith("ListIssueComments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunIfChanged_FollowsTheChangedFiles()
    {
        var h = await CommentAsync("/test all", setup: h => h.GitHub.ChangedFiles[Pr] = ["docs/index.md"]);

        Assert.Equal(["unit", "docs", "lint"], h.Jobs.JobNames);
    }

    [Fact]
    public async Task RedeliveredComment_StartsEachJobOnce()
    {
        var h = await CommentAsync("/test e2e");
        await h.DispatchAsync("issue_comment", CommentPayloads.OnPullRequest("/test e2e", "member"));

        Assert.Equal(2, h.Jobs.CreateCalls);
        Assert.Single(h.Jobs.Jobs);
    }

    [Theory]
    [InlineData("edited")]
    [InlineData("deleted")]
    public async Task EditedOrDeletedComment_IsIgnored(string action)
    {
        var h = new TriggerHarness();
        h.GitHub.OrgMembers.Add("member");
        await h.DispatchAsync("issue_comment", CommentPayloads.OnPullRequest("/test e2e", "member", action));

        Assert.Empty(h.Jobs.Jobs);
        Assert.Empty(h.GitHub.Calls);
    }

    [Fact]
    public async Task CommentOnAnIssue_IsIgnored()
    {
        var h = new TriggerHarness();
        await h.DispatchAsync("issue_comment", CommentPayloads.OnIssue("/test e2e", "member"));

        Assert.Empty(h.GitHub.Calls);
    }
}
