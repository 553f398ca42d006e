using System.Text.Json.Nodes;
using Prow.Abstractions.Jobs;
using Prow.Grains.Crier;
using Prow.Grains.Plugins.Trigger;
using Prow.TestSupport;
using Prow.TestSupport.FakeGitHub;
using static Prow.Silo.Tests.EndToEnd.AllInOneFixture;

namespace Prow.Silo.Tests.EndToEnd;

/// <summary>
/// The whole path a user relies on, in one all-in-one host: a signed pull_request webhook → /hook → trigger →
/// ProwJobs → the local agent clones the real repository (base, PR head merged) and runs the jobs → crier posts
/// statuses and the failed-tests comment to GitHub; then <c>/retest</c> reruns the failed job only.
/// </summary>
public sealed class TriggerToCrierEndToEndTests(AllInOneFixture fixture) : IClassFixture<AllInOneFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private FakeGitHubServer GitHub => fixture.GitHub;

    /// <summary>The statuses GitHub accepted for a context on a commit, in order.</summary>
    private List<FakeStatus> Statuses(string sha, string context)
    {
        var statuses = new List<FakeStatus>();
        GitHub.Change(() => statuses.AddRange(GitHub.Repo(Org, Repo).Statuses.Where(s => s.Sha == sha && s.Context == context)));
        return statuses;
    }

    private List<FakeComment> Comments(int number)
    {
        var comments = new List<FakeComment>();
        GitHub.Change(() => comments.AddRange(GitHub.Repo(Org, Repo).Comments.Where(c => c.IssueNumber == number)
            .Select(c => new FakeComment { Id = c.Id, IssueNumber = c.IssueNumber, Author = c.Author, Body = c.Body })));
        return comments;
    }

    private Task<FakeStatus> WaitForStatusAsync(string sha, string context, string state) =>
        Eventually.Until(() => Task.FromResult(Statuses(sha, context).LastOrDefault(s => s.State == state)), Timeout, $"{context} reported {state}");

    private static string Description(string text, string baseSha) => GitHubReport.ContextDescriptionWithBaseSha(text, baseSha);

    private static string JobUrl(int number, string job, string buildId) => $"https://prow.example/view/pr-logs/{number}/{job}/{buildId}/";

    private async Task<List<JsonNode>> JobsOfPullAsync(int number) =>
        [.. (await fixture.ListedJobsAsync()).Where(j => (int?)j["spec"]?["refs"]?["pulls"]?[0]?["number"] == number)];

    private async Task<string> LogAsync(ProwJob job)
    {
        using var response = await fixture.Host.Http.GetAsync($"/log?job={job.Spec.Job}&id={job.Status.BuildId}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return text;
    }

    [Fact]
    public async Task Opened_PR_runs_both_presubmits_locally_reports_them_and_retest_reruns_only_the_failed_one()
    {
        const int number = 5;
        var (baseSha, headSha) = (fixture.Remote.BaseSha, fixture.Remote.HeadSha);
        fixture.AddPullRequest(number, Member);

        await fixture.PostWebhookAsync("pull_request",
            E2EPayloads.PullRequestOpened(Org, Repo, number, Member, headSha, GitRemote.HeadRef, baseSha), "e2e-opened");

        // Both contexts go pending on the head, then end as their commands did in the merged checkout.
        await WaitForStatusAsync(headSha, GoodJob, "pending");
        await WaitForStatusAsync(headSha, BadJob, "pending");
        var good = await fixture.Host.WaitForAsync(JobNames.For("e2e-opened", GoodJob, headSha).ToString("D"), j => j.Complete, $"{GoodJob} complete");
        var bad = await fixture.Host.WaitForAsync(JobNames.For("e2e-opened", BadJob, headSha).ToString("D"), j => j.Complete, $"{BadJob} complete");
        Assert.True(good.Status.State == ProwJobState.Success, $"{GoodJob} ended {good.Status.State}: {good.Status.Description}");
        Assert.Equal(ProwJobState.Failure, bad.Status.State);
        Assert.Equal((ProwJobAgents.Local, baseSha, headSha), (good.Spec.Agent, good.Spec.Refs!.BaseSha, good.Spec.Refs.Pulls![0].Sha));

        // Deck's /log shows what ran: the checkout merged the PR head into the base, the bad job's exit code.
        Assert.Contains($"git merge --no-ff {headSha}", await LogAsync(good), StringComparison.Ordinal);
        Assert.Contains("exited with code 3", await LogAsync(bad), StringComparison.Ordinal);

        var success = await WaitForStatusAsync(headSha, GoodJob, "success");
        Assert.Equal((Description("Job succeeded.", baseSha), JobUrl(number, GoodJob, good.Status.BuildId)), (success.Description, success.TargetUrl));
        Assert.All(Statuses(headSha, GoodJob).SkipLast(1), s => Assert.Equal("pending", s.State));
        Assert.Contains(Statuses(headSha, GoodJob), s => s.Description == Description("Job triggered.", baseSha));
        var failure = await WaitForStatusAsync(headSha, BadJob, "failure");
        Assert.Equal((Description("Job failed.", baseSha), JobUrl(number, BadJob, bad.Status.BuildId)), (failure.Description, failure.TargetUrl));

        // The failed-tests comment names the failed job only, with its rerun command, under Prow's hidden marker.
        var comment = await Eventually.Until(() => Task.FromResult(Comments(number).SingleOrDefault(c => c.Body.Contains(FailedTestsComment.CommentTag, StringComparison.Ordinal))),
            Timeout, "the failed-tests comment");
        Assert.Equal(GitHub.BotLogin, comment.Author);
        Assert.Contains($"@{Member}: The following test **failed**, say `/retest` to rerun all failed tests", comment.Body, StringComparison.Ordinal);
        Assert.Contains($"\n{BadJob} | {headSha} | [link]({JobUrl(number, BadJob, bad.Status.BuildId)}) | true | `/test {BadJob}`\n", comment.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(GoodJob, comment.Body, StringComparison.Ordinal);
        Assert.EndsWith(FailedTestsComment.CommentTag, comment.Body, StringComparison.Ordinal);
        Assert.Equal(2, (await JobsOfPullAsync(number)).Count);

        // /retest by the trusted author: one new job, for the failed context only, and it runs (and fails) again.
        await fixture.PostWebhookAsync("issue_comment",
            E2EPayloads.PullRequestCommentCreated(Org, Repo, number, Member, Member, "/retest"), "e2e-retest");
        var rerun = await fixture.Host.WaitForAsync(JobNames.For("e2e-retest", BadJob, headSha).ToString("D"), j => j.Complete, $"the rerun of {BadJob} complete");
        Assert.Equal(ProwJobState.Failure, rerun.Status.State);
        Assert.Equal("true", rerun.Metadata.Labels![ProwJobLabels.Retest]);
        Assert.Null(await fixture.Host.Job(JobNames.For("e2e-retest", GoodJob, headSha).ToString("D")).Get());
        var listed = await Eventually.Until(async () => await JobsOfPullAsync(number) is { Count: 3 } jobs ? jobs : null, Timeout, "three jobs listed for the PR");
        Assert.Equal([BadJob, BadJob, GoodJob], listed.Select(j => (string)j["spec"]!["job"]!).Order(StringComparer.Ordinal));
        await Eventually.Until(() => Statuses(headSha, BadJob).Count(s => s.State == "failure") == 2, Timeout, "the rerun's failure reported");
        Assert.Equal("success", Statuses(headSha, GoodJob)[^1].State);

        // The new failure replaces the comment (so the author is notified again): one comment, the rerun's link.
        var replaced = await Eventually.Until(() => Task.FromResult(Comments(number).SingleOrDefault(c => c.Id != comment.Id && c.Body.Contains(FailedTestsComment.CommentTag, StringComparison.Ordinal))),
            Timeout, "the failed-tests comment replaced");
        Assert.Single(Comments(number), c => c.Body.Contains(FailedTestsComment.CommentTag, StringComparison.Ordinal));
        Assert.Contains($"\n{BadJob} | {headSha} | [link]({JobUrl(number, BadJob, rerun.Status.BuildId)}) | true | `/test {BadJob}`\n", replaced.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_untrusted_authors_PR_gets_needs_ok_to_test_and_no_jobs()
    {
        const int number = 6;
        const string stranger = "mallory";
        fixture.AddPullRequest(number, stranger);

        await fixture.PostWebhookAsync("pull_request",
            E2EPayloads.PullRequestOpened(Org, Repo, number, stranger, fixture.Remote.HeadSha, GitRemote.HeadRef, fixture.Remote.BaseSha), "e2e-untrusted");

        await Eventually.Until(() => GitHub.Issue(Org, Repo, number).Labels.Contains(TriggerTrust.NeedsOkToTest), Timeout, "needs-ok-to-test on the PR");
        await Eventually.Until(() => Comments(number).Any(c => c.Body.StartsWith($"Hi @{stranger}. Thanks for your PR.", StringComparison.Ordinal)
            && c.Body.Contains("they should reply with `/ok-to-test` on its own line", StringComparison.Ordinal)), Timeout, "the welcome comment");
        Assert.Empty(await JobsOfPullAsync(number));
        Assert.Null(await fixture.Host.Job(JobNames.For("e2e-untrusted", GoodJob, fixture.Remote.HeadSha).ToString("D")).Get());
    }
}
