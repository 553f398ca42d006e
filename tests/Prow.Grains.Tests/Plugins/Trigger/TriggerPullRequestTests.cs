using System.Text.Json.Nodes;
using Prow.Abstractions.Jobs;
using Prow.Grains.Plugins.Trigger;
using Prow.TestSupport;
using static Prow.Grains.Tests.Plugins.Trigger.TriggerHarness;

namespace Prow.Grains.Tests.Plugins.Trigger;

public class TriggerPullRequestTests
{
    private const string Pr = "Codertocat/Hello-World#2";
    private const string HeadSha = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";

    /// <summary>The real pull_request example (Codertocat/Hello-World#2, author Codertocat, base master) with edits.</summary>
    private static string PullRequest(string action, Action<JsonObject>? edit = null) =>
        WebhookPayloads.Edit("pull_request.opened", p =>
        {
            p["action"] = action;
            var pr = p["pull_request"]!.AsObject();
            pr["draft"] = false;
            pr["body"] = "";
            edit?.Invoke(p);
        });

    private static void Author(JsonObject p, string login) => p["pull_request"]!["user"]!["login"] = login;

    private static async Task<TriggerHarness> RunAsync(string action, Action<JsonObject>? edit = null, string triggers = "", Action<TriggerHarness>? setup = null)
    {
        var h = new TriggerHarness(triggers);
        h.GitHub.OrgMembers.Add("Codertocat");
        setup?.Invoke(h);
        await h.DispatchAsync("pull_request", PullRequest(action, edit));
        Assert.Empty(h.Errors);
        return h;
    }

    // case, action, author, trust setup, jobs expected, writes expected
    public static TheoryData<string, string, string, string, string[], string> Cases => new()
    {
        { "opened by a member runs the automatic jobs for master", "opened", "Codertocat", "", ["unit", "lint"], "" },
        { "opened by a collaborator", "opened", "helper", "collaborator", ["unit", "lint"], "" },
        { "opened by a trusted app", "opened", "dependabot[bot]", "triggers:\n- repos: [Codertocat]\n  trusted_apps: [dependabot]\n", ["unit", "lint"], "" },
        { "an untrusted app name without [bot] is not trusted", "opened", "dependabot", "triggers:\n- repos: [Codertocat]\n  trusted_apps: [dependabot]\n", [], $"AddLabels {Pr} needs-ok-to-test; CreateComment {Pr}" },
        { "opened by a trusted_org member", "opened", "friend", "triggers:\n- repos: [Codertocat]\n  trusted_org: kubernetes\n", ["unit", "lint"], "" },
        { "opened by the bot", "opened", Bot, "", ["unit", "lint"], "" },
        { "collaborator with only_org_members is welcomed", "opened", "helper", "collaborator\ntriggers:\n- repos: [Codertocat]\n  only_org_members: true\n", [], $"AddLabels {Pr} needs-ok-to-test; CreateComment {Pr}" },
        { "opened by a stranger is welcomed", "opened", "stranger", "", [], $"AddLabels {Pr} needs-ok-to-test; CreateComment {Pr}" },
        { "stranger with ignore_ok_to_test gets no label", "opened", "stranger", "triggers:\n- repos: [Codertocat]\n  ignore_ok_to_test: true\n", [], $"CreateComment {Pr}" },
        { "reopened by a member", "reopened", "Codertocat", "", ["unit", "lint"], "" },
        { "reopened by a stranger: nothing", "reopened", "stranger", "", [], "" },
        { "reopened by a stranger with ok-to-test runs", "reopened", "stranger", "ok-to-test", ["unit", "lint"], "" },
        { "reopened by a stranger with both labels drops needs-ok-to-test", "reopened", "stranger", "ok-to-test needs-ok-to-test", ["unit", "lint"], $"RemoveLabel {Pr} needs-ok-to-test" },
        { "ready_for_review by a member", "ready_for_review", "Codertocat", "", ["unit", "lint"], "" },
        { "synchronize by a member", "synchronize", "Codertocat", "", ["unit", "lint"], "" },
        { "assigned does nothing", "assigned", "Codertocat", "", [], "" },
        { "edited without a base change does nothing", "edited", "Codertocat", "", [], "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PullRequestEvent(string name, string action, string author, string setup, string[] jobs, string writes)
    {
        var triggers = setup.Contains("triggers:", StringComparison.Ordinal) ? setup[setup.IndexOf("triggers:", StringComparison.Ordinal)..] : "";
        var h = await RunAsync(action, p => Author(p, author), triggers, h =>
        {
            if (setup.StartsWith("collaborator", StringComparison.Ordinal)) h.GitHub.Collaborators.Add("helper");
            if (setup.Contains("trusted_org", StringComparison.Ordinal)) h.GitHub.OrgMembers.Add("friend");
            var labels = setup.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Where(l => l is "ok-to-test" or "needs-ok-to-test").ToArray();
            h.GitHub.SetLabels(Org, Repo, 2, labels);
        });

        Assert.True(jobs.SequenceEqual(h.Jobs.JobNames), $"{name}: jobs {string.Join(",", h.Jobs.JobNames)}");
        Assert.True(writes == string.Join("; ", h.GitHub.Writes), $"{name}: {string.Join("; ", h.GitHub.Calls)}");
    }

    [Fact]
    public async Task Opened_CreatesPresubmitsAsProw()
    {
        var h = await RunAsync("opened");

        var job = h.Jobs.Jobs[0];
        Assert.Equal("unit", job.Spec.Job);
        Assert.Equal(ProwJobType.Presubmit, job.Spec.Type);
        Assert.Equal("test-pods", job.Metadata.Namespace);
        Assert.Equal(JobNames.For("delivery-1", "unit", HeadSha).ToString("D"), job.Metadata.Name);
        Assert.Equal("delivery-1", job.Metadata.Labels![ProwJobLabels.EventGuid]);
        Assert.Equal("2", job.Metadata.Labels[ProwJobLabels.Pull]);
        Assert.Equal("true", h.Jobs.Jobs[1].Metadata.Labels![ProwJobLabels.IsOptional]);
        var refs = job.Spec.Refs!;
        Assert.Equal(("Codertocat", "Hello-World", "master", "basesha"), (refs.Org, refs.Repo, refs.BaseRef, refs.BaseSha));
        Assert.Equal("https://github.com/Codertocat/Hello-World", refs.RepoLink);
        Assert.Equal("https://github.com/Codertocat/Hello-World/commit/basesha", refs.BaseLink);
        var pull = Assert.Single(refs.Pulls!);
        Assert.Equal((2, "Codertocat", HeadSha, "changes", "Update the README with new information."), (pull.Number, pull.Author, pull.Sha, pull.HeadRef, pull.Title));
        Assert.Equal("https://github.com/Codertocat/Hello-World/pull/2", pull.Link);
        Assert.Equal($"https://github.com/Codertocat/Hello-World/pull/2/commits/{HeadSha}", pull.CommitLink);
        Assert.Equal("https://github.com/Codertocat", pull.AuthorLink);
    }

    [Fact]
    public async Task Opened_WithoutBranchSha_UsesThePayloadsBaseSha()
    {
        var h = await RunAsync("opened", setup: h => h.GitHub.RefShas.Clear());

        Assert.Equal("f95f852bd8fca8fcc58a9a2d6c842781e32a215e", h.Jobs.Jobs[0].Spec.Refs!.BaseSha);
    }

    [Fact]
    public async Task Opened_RunIfChanged_FollowsTheChangedFiles()
    {
        var h = await RunAsync("opened", setup: h => h.GitHub.ChangedFiles[Pr] = ["docs/README.md"]);

        Assert.Equal(["unit", "docs", "lint"], h.Jobs.JobNames);
    }

    [Fact]
    public async Task Opened_AgainstAReleaseBranch_RunsTheBranchJob()
    {
        var h = await RunAsync("opened", p => p["pull_request"]!["base"]!["ref"] = "release-1.0",
            setup: h => h.GitHub.RefShas[$"{Org}/{Repo} heads/release-1.0"] = "releasesha");

        Assert.Equal(["unit", "lint", "release"], h.Jobs.JobNames);
        Assert.Equal("releasesha", h.Jobs.Jobs[0].Spec.Refs!.BaseSha);
    }

    [Fact]
    public async Task Opened_Draft_RunsNothingAndSaysSo()
    {
        var h = await RunAsync("opened", p => p["pull_request"]!["draft"] = true);

        Assert.Empty(h.Jobs.Jobs);
        var comment = Assert.Single(h.GitHub.Comments);
        Assert.Equal("Skipping CI for Draft Pull Request.\nIf you want CI signal for your change, please convert it to an actual PR.\nYou can still manually trigger a test run with `/test all`", comment.Body);
    }

    [Fact]
    public async Task ReadyForReview_Draft_RunsNothing()
    {
        var h = await RunAsync("reopened", p => p["pull_request"]!["draft"] = true);

        Assert.Empty(h.Jobs.Jobs);
        Assert.Empty(h.GitHub.Writes);
    }

    [Fact]
    public async Task Opened_Unmergeable_RunsNothing()
    {
        var h = await RunAsync("opened", p => p["pull_request"]!["mergeable"] = false);

        Assert.Empty(h.Jobs.Jobs);
    }

    [Fact]
    public async Task Opened_ByAStranger_PostsProwsWelcome()
    {
        var h = await RunAsync("opened", p => Author(p, "stranger"), "triggers:\n- repos: [Codertocat]\n  join_org_url: https://example.com/join\n");

        var comment = Assert.Single(h.GitHub.Comments);
        Assert.Equal(
            "Hi @stranger. Thanks for your PR.\n\n" +
            "I'm waiting for a [Codertocat](https://github.com/orgs/Codertocat/people) member to verify that this patch is reasonable to test. If it is, they should reply with `/ok-to-test` on its own line. Until that is done, I will not automatically test new commits in this PR, but the usual testing commands by org members will still work.\n\n" +
            "Regular contributors should [join the org](https://example.com/join) to skip this step.\n\n" +
            "Once the patch is verified, the new status will be reflected by the `ok-to-test` label.\n\n" +
            "I understand the commands that are listed [here](https://go.k8s.io/bot-commands?repo=Codertocat%2FHello-World).\n\n" +
            "<details>\n\n" + Prow.Grains.Plugins.PluginResponses.AboutThisBotWithoutCommands + "\n</details>\n",
            comment.Body);
        Assert.Equal(["needs-ok-to-test"], h.GitHub.LabelsOn(Org, Repo, 2));
    }

    [Fact]
    public async Task Opened_ByAStranger_WithATrustedOrg_NamesIt()
    {
        var h = await RunAsync("opened", p => Author(p, "stranger"), "triggers:\n- repos: [Codertocat]\n  trusted_org: kubernetes\n");

        var body = Assert.Single(h.GitHub.Comments).Body;
        Assert.Contains("I'm waiting for a [Codertocat](https://github.com/orgs/Codertocat/people) or [kubernetes](https://github.com/orgs/kubernetes/people) member to verify", body, StringComparison.Ordinal);
        Assert.Contains("[join the org](https://github.com/orgs/kubernetes/people)", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opened_ByAStranger_WithIgnoreOkToTest_SaysOnlyCollaboratorsCanTest()
    {
        var h = await RunAsync("opened", p => Author(p, "stranger"), "triggers:\n- repos: [Codertocat]\n  ignore_ok_to_test: true\n");

        var body = Assert.Single(h.GitHub.Comments).Body;
        Assert.StartsWith("Hi @stranger. Thanks for your PR.\n\nPRs from untrusted users cannot be marked as trusted with `/ok-to-test` in this repo meaning untrusted PR authors can never trigger tests themselves. Collaborators can still trigger tests on the PR using `/test all`.\n\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opened_ByAStrangerAlreadyOkToTest_AddsNoLabel()
    {
        var h = await RunAsync("opened", p => Author(p, "stranger"), setup: h => h.GitHub.SetLabels(Org, Repo, 2, "ok-to-test"));

        Assert.Equal([$"CreateComment {Pr}"], h.GitHub.Writes);
    }

    [Fact]
    public async Task RedeliveredOpened_StartsEachJobOnce()
    {
        var h = await RunAsync("opened");
        await h.DispatchAsync("pull_request", PullRequest("opened"));
        await h.DispatchAsync("pull_request", PullRequest("opened"), deliveryId: "delivery-2");

        Assert.Equal(6, h.Jobs.CreateCalls);
        Assert.Equal(["unit", "lint", "unit", "lint"], h.Jobs.JobNames);
    }

    [Fact]
    public async Task Synchronize_AbortsTheOldHeadsJobs_ThenRunsTheNewHead()
    {
        var h = await RunAsync("opened");
        await h.DispatchAsync("pull_request", PullRequest("synchronize", p => p["pull_request"]!["head"]!["sha"] = "newsha"), "delivery-2");

        Assert.Equal(["unit", "lint"], h.Jobs.Aborted);
        Assert.All(h.Jobs.Jobs.Take(2), j => Assert.Equal((ProwJobState.Aborted, "Aborted by trigger plugin."), (j.Status.State, j.Status.Description)));
        Assert.Equal(["newsha", "newsha"], h.Jobs.Jobs.Skip(2).Select(j => j.Spec.Refs!.Pulls![0].Sha));
    }

    [Fact]
    public async Task RedeliveredSynchronize_KeepsTheNewHeadsJobs()
    {
        var h = await RunAsync("synchronize");
        await h.DispatchAsync("pull_request", PullRequest("synchronize"));

        Assert.Empty(h.Jobs.Aborted);
        Assert.All(h.Jobs.Jobs, j => Assert.Equal(ProwJobState.Triggered, j.Status.State));
    }

    [Theory]
    [InlineData("closed")]
    [InlineData("converted_to_draft")]
    public async Task ClosedOrDraft_AbortsEveryRunningPresubmit(string action)
    {
        var h = await RunAsync("opened");
        await h.DispatchAsync("pull_request", PullRequest(action), "delivery-2");

        Assert.Equal(["unit", "lint"], h.Jobs.Aborted);
        Assert.Equal(2, h.Jobs.Jobs.Count);
    }

    [Fact]
    public async Task EditedBase_RunsAgain()
    {
        var h = await RunAsync("edited", p => p["changes"] = new JsonObject { ["base"] = new JsonObject { ["ref"] = new JsonObject { ["from"] = "main" } } });

        Assert.Equal(["unit", "lint"], h.Jobs.JobNames);
    }

    [Fact]
    public async Task LabeledOkToTest_RunsTheJobs_UnlessTheBotAddedIt()
    {
        static void Labeled(JsonObject p, string sender)
        {
            Author(p, "stranger");
            p["label"] = new JsonObject { ["name"] = "ok-to-test" };
            p["sender"]!["login"] = sender;
        }
        var byPerson = await RunAsync("labeled", p => Labeled(p, "Codertocat"));
        var byBot = await RunAsync("labeled", p => Labeled(p, Bot));

        Assert.Equal(["unit", "lint"], byPerson.Jobs.JobNames);
        Assert.Empty(byBot.Jobs.Jobs);
    }

    [Fact]
    public async Task LabeledLgtm_OnAnUntrustedPr_RunsTheJobs()
    {
        var h = await RunAsync("labeled", p => { Author(p, "stranger"); p["label"] = new JsonObject { ["name"] = "lgtm" }; });

        Assert.Equal(["unit", "lint"], h.Jobs.JobNames);
    }

    [Fact]
    public async Task NoPresubmits_NothingIsAsked()
    {
        var h = new TriggerHarness(presubmits: []);
        await h.DispatchAsync("pull_request", PullRequest("opened"));

        Assert.Empty(h.GitHub.Calls);
        Assert.Empty(h.Jobs.Jobs);
    }
}
