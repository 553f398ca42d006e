using System.Net;
using Prow.Grains.Ports;

namespace Prow.Silo.Tests.Adapters.GitHub;

/// <summary>The request budget under Octokit: conditional requests, rate-limit waits, retries and metrics.</summary>
public sealed class GitHubBudgetTests
{
    private const string IssuePath = "/repos/org/repo/issues/1";
    private const string IssueTemplate = "/repos/{owner}/{repo}/issues/{number}";

    [Fact]
    public async Task SecondGet_SendsIfNoneMatch_Gets304AndSameResult()
    {
        await using var h = await GitHubClientHarness.StartAsync();
        h.Fake.AddIssue("org", "repo", 1, title: "Cached");
        var github = h.Client();
        var first = await github.GetIssueAsync("org", "repo", 1);
        var second = await github.GetIssueAsync("org", "repo", 1);

        Assert.Equal(("Cached", "Cached"), (first.Title, second.Title));
        var requests = h.Fake.Requests;
        Assert.Null(requests[0].Header("If-None-Match"));
        Assert.StartsWith("\"", requests[1].Header("If-None-Match"));
        Assert.Equal([200, 304], requests.Select(r => r.Status));
        Assert.Equal(1, h.Requests("GET", IssueTemplate, 304));
        Assert.Equal(1, h.Metrics.CacheResponses.WithLabels("revalidated").Value);
    }

    [Fact]
    public async Task CachedGet_AfterWrite_SeesTheChange()
    {
        await using var h = await GitHubClientHarness.StartAsync();
        h.Fake.AddIssue("org", "repo", 1);
        var github = h.Client();
        Assert.Empty(await github.GetIssueLabelsAsync("org", "repo", 1));
        await github.AddLabelsAsync("org", "repo", 1, ["lgtm"]);
        Assert.Equal(["lgtm"], (await github.GetIssueLabelsAsync("org", "repo", 1)).Select(l => l.Name));
        Assert.Equal(200, h.Fake.Requests[^1].Status);
    }

    [Fact]
    public async Task RemainingZero_NextRequestWaitsUntilReset()
    {
        await using var h = await GitHubClientHarness.StartAsync(fakeTime: true);
        h.Fake.AddIssue("org", "repo", 1);
        h.Fake.AddIssue("org", "repo", 2);
        h.Fake.SetRateLimit(remaining: 1, reset: h.Time.GetUtcNow().AddSeconds(90));
        var github = h.Client();
        await github.GetIssueAsync("org", "repo", 1);

        var blocked = github.GetIssueAsync("org", "repo", 2);
        await h.AdvanceAfterWait("reset", 1, TimeSpan.FromSeconds(91));
        Assert.Equal(2, (await blocked).Number);
        Assert.Equal([200, 200], h.Fake.Requests.Select(r => r.Status)); // nothing was sent while the budget was spent
        Assert.Equal(0, h.Waits("retry_after"));
    }

    [Fact]
    public async Task PrimaryLimitExceeded_403WithRemainingZero_WaitsForResetAndRetries()
    {
        await using var h = await GitHubClientHarness.StartAsync(fakeTime: true);
        h.Fake.AddIssue("org", "repo", 1);
        h.Fake.SetRateLimit(remaining: 0, reset: h.Time.GetUtcNow().AddSeconds(30));
        var github = h.Client();
        var call = github.GetIssueAsync("org", "repo", 1);
        await h.AdvanceAfterWait("retry_after", 1, TimeSpan.FromSeconds(31));
        Assert.Equal(1, (await call).Number);
        Assert.Equal([403, 200], h.Fake.Requests.Select(r => r.Status));
    }

    [Theory]
    [InlineData(403)]
    [InlineData(429)]
    public async Task SecondaryLimit_RetryAfter_WaitsThatLongAndRetries(int status)
    {
        await using var h = await GitHubClientHarness.StartAsync(fakeTime: true);
        h.Fake.AddIssue("org", "repo", 1);
        h.Fake.FailNext("POST", IssuePath + "/comments", 1, status, retryAfter: TimeSpan.FromSeconds(20));
        var github = h.Client();
        var call = github.CreateCommentAsync("org", "repo", 1, "hi");
        await h.AdvanceAfterWait("retry_after", 1, TimeSpan.FromSeconds(20));
        Assert.Equal("hi", (await call).Body);
        Assert.Equal([status, 201], h.Fake.Requests.Select(r => r.Status));
        Assert.Single(h.Fake.Repo("org", "repo").Comments);
    }

    [Fact]
    public async Task SecondaryLimit_403WithoutRetryAfter_WaitsAMinute()
    {
        await using var h = await GitHubClientHarness.StartAsync(fakeTime: true);
        h.Fake.AddIssue("org", "repo", 1);
        h.Fake.FailNext("GET", IssuePath, 1, 403, message: "You have exceeded a secondary rate limit and have been temporarily blocked.");
        var call = h.Client().GetIssueAsync("org", "repo", 1);
        await h.AdvanceAfterWait("retry_after", 1, TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await call).Number);
    }

    [Fact]
    public async Task Forbidden_NotARateLimit_FailsWithoutWaiting()
    {
        await using var h = await GitHubClientHarness.StartAsync(fakeTime: true);
        h.Fake.FailNext("GET", IssuePath, 1, 403, message: "Resource not accessible by integration");
        var ex = await Assert.ThrowsAsync<GitHubException>(() => h.Client().GetIssueAsync("org", "repo", 1));
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Contains("Resource not accessible by integration", ex.Message);
        Assert.Equal(0, h.Waits("retry_after"));
    }

    [Fact]
    public async Task RateLimitWait_CallerCancels_StopsWaiting()
    {
        await using var h = await GitHubClientHarness.StartAsync(fakeTime: true);
        h.Fake.SetRateLimit(remaining: 0, reset: h.Time.GetUtcNow().AddMinutes(30));
        using var cts = new CancellationTokenSource();
        var call = h.Client().GetIssueAsync("org", "repo", 1, cts.Token);
        await Prow.TestSupport.Eventually.Until(() => h.Waits("retry_after") >= 1, TimeSpan.FromSeconds(10), "the wait to start");
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(h.Fake.Requests);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task ServerError_RetriedThenSucceeds(int status)
    {
        await using var h = await GitHubClientHarness.StartAsync();
        h.Fake.AddIssue("org", "repo", 1);
        h.Fake.FailNext("GET", IssuePath, 2, status);
        Assert.Equal(1, (await h.Client().GetIssueAsync("org", "repo", 1)).Number);
        Assert.Equal([status, status, 200], h.Fake.Requests.Select(r => r.Status));
        Assert.Equal(2, h.Requests("GET", IssueTemplate, status));
    }

    [Fact]
    public async Task AttemptTimeout_IsRetried()
    {
        await using var h = await GitHubClientHarness.StartAsync();
        h.Fake.AddIssue("org", "repo", 1);
        h.Fake.StallNext("GET", IssuePath, 1, TimeSpan.FromSeconds(30));
        var github = h.Client(o => new() { Endpoints = o.Endpoints, TokenPath = o.TokenPath, MetricsRegistry = o.MetricsRegistry, RetryBaseDelay = o.RetryBaseDelay, AttemptTimeout = TimeSpan.FromMilliseconds(300) });
        Assert.Equal(1, (await github.GetIssueAsync("org", "repo", 1)).Number);
        Assert.Equal(1, h.Requests("GET", IssueTemplate, 200));
        Assert.Equal(1, h.Metrics.Requests.WithLabels("GET", IssueTemplate, "error").Value);
    }

    [Fact]
    public async Task ServerError_Exhausted_ThrowsGitHubException()
    {
        await using var h = await GitHubClientHarness.StartAsync();
        h.Fake.AddIssue("org", "repo", 1);
        h.Fake.FailNext("GET", IssuePath, 10, 500);
        var ex = await Assert.ThrowsAsync<GitHubException>(() => h.Client().GetIssueAsync("org", "repo", 1));
        Assert.Equal((HttpStatusCode.InternalServerError, "GET " + IssuePath), (ex.StatusCode, ex.Endpoint));
        Assert.Contains("fake failure 500", ex.Message);
        Assert.Equal(4, h.Fake.Requests.Count); // the first attempt and 3 retries
    }

    [Theory]
    [InlineData("comment")]
    [InlineData("merge")]
    public async Task ServerError_OnWriteUnsafeToRepeat_IsNotRetried(string write)
    {
        await using var h = await GitHubClientHarness.StartAsync();
        h.Fake.AddPullRequest("org", "repo", 1);
        h.Fake.FailNext(null, "/repos/org/repo/*", 1, 502);
        var github = h.Client();
        var ex = await Assert.ThrowsAsync<GitHubException>(() => write == "merge"
            ? github.MergePullRequestAsync("org", "repo", 1, new MergeRequest("merge"))
            : github.CreateCommentAsync("org", "repo", 1, "once"));
        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Single(h.Fake.Requests);
    }

    [Fact]
    public async Task Metrics_CountRequestsByEndpointTemplateAndTrackTokenBudget()
    {
        await using var h = await GitHubClientHarness.StartAsync();
        h.Fake.AddIssue("org", "repo", 1);
        h.Fake.AddIssue("org", "repo", 2);
        var github = h.Client();
        await github.AddLabelsAsync("org", "repo", 1, ["a"]);
        await github.AddLabelsAsync("org", "repo", 2, ["b"]);
        await github.RemoveLabelAsync("org", "repo", 2, "b");
        await github.IsMemberAsync("org", "nobody");

        Assert.Equal(2, h.Requests("POST", "/repos/{owner}/{repo}/issues/{number}/labels", 200));
        Assert.Equal(1, h.Requests("DELETE", "/repos/{owner}/{repo}/issues/{number}/labels/{name}", 200));
        Assert.Equal(1, h.Requests("GET", "/orgs/{org}/members/{username}", 404));
        Assert.Equal(4996, h.Metrics.TokenUsage.WithLabels(h.Metrics.TokenUsage.GetAllLabelValues().Single()).Value);
        Assert.Equal(4, h.Metrics.Duration.WithLabels("POST", "/repos/{owner}/{repo}/issues/{number}/labels", "200").Count
            + h.Metrics.Duration.WithLabels("DELETE", "/repos/{owner}/{repo}/issues/{number}/labels/{name}", "200").Count
            + h.Metrics.Duration.WithLabels("GET", "/orgs/{org}/members/{username}", "404").Count);
    }
}
