using Prow.Grains.Ports;
using Prow.Silo.Adapters.GitHub;

namespace Prow.Silo.Tests.Adapters.GitHub;

public sealed class DryRunGitHubTests
{
    [Fact]
    public async Task DryRun_Writes_AreNotSentAndReadsAre()
    {
        await using var h = await GitHubClientHarness.StartAsync();
        h.Fake.AddPullRequest("org", "repo", 1);
        var github = h.Client(o => new() { Endpoints = o.Endpoints, TokenPath = o.TokenPath, MetricsRegistry = o.MetricsRegistry, DryRun = true });

        await github.AddLabelsAsync("org", "repo", 1, ["lgtm"]);
        await github.RemoveLabelAsync("org", "repo", 1, "lgtm");
        await github.SetIssueStateAsync("org", "repo", 1, "closed");
        await github.AssignIssueAsync("org", "repo", 1, ["bob"]);
        await github.UnassignIssueAsync("org", "repo", 1, ["bob"]);
        await github.RequestReviewAsync("org", "repo", 1, ["bob"]);
        await github.MergePullRequestAsync("org", "repo", 1, new MergeRequest("merge"));
        await github.EditCommentAsync("org", "repo", 5, "x");
        await github.DeleteCommentAsync("org", "repo", 5);
        await github.CreateStatusAsync("org", "repo", "abc", new() { State = "success", Context = "ci" });
        var comment = await github.CreateCommentAsync("org", "repo", 1, "would say this");

        Assert.Empty(h.Fake.Writes);
        Assert.Equal(("would say this", "prow-bot"), (comment.Body, comment.User.Login));
        Assert.True(comment.Id > 0);
        Assert.Equal("open", (await github.GetIssueAsync("org", "repo", 1)).State);
        Assert.Empty(h.Fake.Issue("org", "repo", 1).Labels);
    }

    [Fact]
    public async Task NoCredentials_EveryCall_FailsWithHowToFix()
    {
        await using var h = await GitHubClientHarness.StartAsync();
        var github = h.Client(o => new() { Endpoints = o.Endpoints, MetricsRegistry = o.MetricsRegistry });
        Assert.IsType<UnconfiguredGitHub>(github);
        var ex = await Assert.ThrowsAsync<GitHubException>(() => github.GetIssueAsync("org", "repo", 1));
        Assert.Contains("no GitHub credentials configured: pass --github-token-path or --github-app-id with --github-app-private-key-path", ex.Message);
        Assert.Empty(h.Fake.Requests);
    }
}
