using System.Net;
using Prow.Abstractions.GitHub;
using Prow.Grains.Ports;
using Prow.TestSupport.FakeGitHub;

namespace Prow.Silo.Tests.Adapters.GitHub;

/// <summary>Every write of <see cref="IGitHub"/>: the request the fake received and the state it left behind.</summary>
public sealed class OctokitGitHubWriteTests : IAsyncLifetime
{
    private GitHubClientHarness _h = null!;
    private IGitHub _github = null!;

    private FakeGitHubServer Fake => _h.Fake;

    public async Task InitializeAsync()
    {
        _h = await GitHubClientHarness.StartAsync();
        _github = _h.Client();
        Fake.AddPullRequest("org", "repo", 1, author: "alice");
        Fake.AddCollaborator("org", "repo", "bob");
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private RecordedRequest Only(string method) => Assert.Single(Fake.Writes, w => w.Method == method);

    [Fact]
    public async Task AddLabels_ThenRemove_MutatesIssueAndEscapesName()
    {
        await _github.AddLabelsAsync("org", "repo", 1, ["lgtm", "do-not-merge/hold"]);
        Assert.Equal(["lgtm", "do-not-merge/hold"], Fake.Issue("org", "repo", 1).Labels);
        Assert.Equal("""{"labels":["lgtm","do-not-merge/hold"]}""", Only("POST").Body);

        await _github.RemoveLabelAsync("org", "repo", 1, "do-not-merge/hold");
        Assert.Equal(["lgtm"], Fake.Issue("org", "repo", 1).Labels);
        Assert.Equal("/repos/org/repo/issues/1/labels/do-not-merge%2Fhold", Only("DELETE").Path);
        Assert.Equal(["lgtm"], (await _github.GetIssueLabelsAsync("org", "repo", 1)).Select(l => l.Name));
    }

    [Fact]
    public async Task RemoveLabel_Absent_ThrowsNotFound()
    {
        var ex = await Assert.ThrowsAsync<GitHubException>(() => _github.RemoveLabelAsync("org", "repo", 1, "nope"));
        Assert.True(ex.IsNotFound);
        Assert.Contains("Label does not exist", ex.Message);
    }

    [Fact]
    public async Task Comments_CreateEditDelete_RoundTrip()
    {
        var created = await _github.CreateCommentAsync("org", "repo", 1, "hello");
        Assert.Equal(("hello", "prow-bot"), (created.Body, created.User.Login));
        Assert.Equal("""{"body":"hello"}""", Only("POST").Body);

        await _github.EditCommentAsync("org", "repo", created.Id, "edited");
        Assert.Equal($"/repos/org/repo/issues/comments/{created.Id}", Only("PATCH").Path);
        Assert.Equal("edited", (await _github.ListIssueCommentsAsync("org", "repo", 1)).Single().Body);

        await _github.DeleteCommentAsync("org", "repo", created.Id);
        Assert.Equal($"/repos/org/repo/issues/comments/{created.Id}", Only("DELETE").Path);
        Assert.Empty(Fake.Repo("org", "repo").Comments);
    }

    [Fact]
    public async Task SetIssueState_Closed_PatchesState()
    {
        await _github.SetIssueStateAsync("org", "repo", 1, "closed");
        Assert.Equal(("/repos/org/repo/issues/1", """{"state":"closed"}"""), (Only("PATCH").Path, Only("PATCH").Body));
        Assert.Equal("closed", Fake.Issue("org", "repo", 1).State);
    }

    [Fact]
    public async Task AssignThenUnassign_SendsAssigneesBody()
    {
        await _github.AssignIssueAsync("org", "repo", 1, ["bob"]);
        Assert.Equal(["bob"], Fake.Issue("org", "repo", 1).Assignees);
        await _github.UnassignIssueAsync("org", "repo", 1, ["bob"]);
        Assert.Empty(Fake.Issue("org", "repo", 1).Assignees);
        Assert.Equal("""{"assignees":["bob"]}""", Only("DELETE").Body);
        Assert.Equal("/repos/org/repo/issues/1/assignees", Only("DELETE").Path);
    }

    [Fact]
    public async Task RequestReview_Collaborator_IsRequested()
    {
        await _github.RequestReviewAsync("org", "repo", 1, ["bob"]);
        Assert.Equal(("/repos/org/repo/pulls/1/requested_reviewers", """{"reviewers":["bob"]}"""), (Only("POST").Path, Only("POST").Body));
        Assert.Equal(["bob"], (await _github.GetPullRequestAsync("org", "repo", 1)).RequestedReviewers.Select(u => u.Login));
    }

    [Fact]
    public async Task Merge_WithSha_MergesAndOmitsNulls()
    {
        var head = Fake.Issue("org", "repo", 1).HeadSha;
        await _github.MergePullRequestAsync("org", "repo", 1, new MergeRequest("squash", head));
        Assert.Equal($$"""{"merge_method":"squash","sha":"{{head}}"}""", Only("PUT").Body);
        var pr = Fake.Issue("org", "repo", 1);
        Assert.Equal((true, "closed", "squash"), (pr.Merged, pr.State, pr.MergeMethod));
    }

    public static TheoryData<string, string?, HttpStatusCode> MergeRefusals => new()
    {
        { "head moved", "0000000000000000000000000000000000000000", HttpStatusCode.Conflict },
        { "not mergeable", null, HttpStatusCode.MethodNotAllowed },
    };

    [Theory]
    [MemberData(nameof(MergeRefusals))]
    public async Task Merge_Refused_ThrowsWithGitHubStatus(string name, string? sha, HttpStatusCode status)
    {
        if (name == "not mergeable") Fake.Change(() => Fake.Issue("org", "repo", 1).Mergeable = false);
        var ex = await Assert.ThrowsAsync<GitHubException>(() => _github.MergePullRequestAsync("org", "repo", 1, new MergeRequest("merge", sha)));
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal("PUT /repos/org/repo/pulls/1/merge", ex.Endpoint);
    }

    [Fact]
    public async Task CreateStatus_SendsStateContextAndUrl()
    {
        await _github.CreateStatusAsync("org", "repo", "abc", new CommitStatus { State = "pending", Context = "ci/unit", Description = "running", TargetUrl = "https://prow/x" });
        Assert.Equal("/repos/org/repo/statuses/abc", Only("POST").Path);
        Assert.Equal("""{"state":"pending","target_url":"https://prow/x","description":"running","context":"ci/unit"}""", Only("POST").Body);
        var combined = await _github.GetCombinedStatusAsync("org", "repo", "abc");
        Assert.Equal(("pending", "ci/unit"), (combined.State, combined.Statuses.Single().Context));
    }
}
