using System.Text;
using Prow.Grains.Ports;
using Prow.TestSupport.FakeGitHub;

namespace Prow.Silo.Tests.Adapters.GitHub;

/// <summary>Every read of <see cref="IGitHub"/> against the fake: what was requested and what came back.</summary>
public sealed class OctokitGitHubReadTests : IAsyncLifetime
{
    private GitHubClientHarness _h = null!;
    private IGitHub _github = null!;

    private FakeGitHubServer Fake => _h.Fake;

    public async Task InitializeAsync()
    {
        _h = await GitHubClientHarness.StartAsync();
        _github = _h.Client();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task GetBotUser_Token_ReadsUserOnceAndCaches()
    {
        var first = await _github.GetBotUserAsync();
        var second = await _github.GetBotUserAsync();
        Assert.Equal("prow-bot", first.Login);
        Assert.Same(first, second);
        Assert.Single(Fake.RequestsTo("GET", "/user"));
    }

    [Fact]
    public async Task GetPullRequest_Seeded_MapsGitHubFields()
    {
        var seeded = Fake.AddPullRequest("org", "repo", 7, author: "alice", title: "Fix it", labels: ["lgtm"]);
        var pr = await _github.GetPullRequestAsync("org", "repo", 7);
        Assert.Equal((7, "Fix it", "alice", "open"), (pr.Number, pr.Title, pr.User.Login, pr.State));
        Assert.Equal(seeded.HeadSha, pr.Head.Sha);
        Assert.Equal("main", pr.Base.Ref);
        Assert.Equal("org/repo", pr.Base.Repo?.FullName);
        Assert.True(pr.Mergeable);
        Assert.Equal(["lgtm"], pr.Labels.Select(l => l.Name));
        Assert.Equal("/repos/org/repo/pulls/7", Fake.Requests.Single().Path);
    }

    [Fact]
    public async Task GetPullRequestChanges_ManyFiles_FollowsPagination()
    {
        Fake.AddPullRequest("org", "repo", 1);
        Fake.AddPullRequestFiles("org", "repo", 1, [.. Enumerable.Range(0, 150).Select(i => new FakePullFile($"f{i}.go", Additions: i))]);
        var files = await _github.GetPullRequestChangesAsync("org", "repo", 1);
        Assert.Equal(150, files.Count);
        Assert.Equal("f149.go", files[^1].Filename);
        Assert.Equal(["?per_page=100", "?per_page=100&page=2"], Fake.Requests.Select(r => r.Query));
    }

    [Fact]
    public async Task ListReviews_Seeded_ReturnsStates()
    {
        Fake.AddPullRequest("org", "repo", 1);
        Fake.AddReview("org", "repo", 1, "bob", "APPROVED", "lgtm");
        var reviews = await _github.ListReviewsAsync("org", "repo", 1);
        Assert.Equal(("bob", "APPROVED", "lgtm"), (reviews[0].User.Login, reviews[0].State, reviews[0].Body));
    }

    [Fact]
    public async Task GetIssue_PullRequestNumber_IsPullRequest()
    {
        Fake.AddIssue("org", "repo", 3, title: "Bug");
        Fake.AddPullRequest("org", "repo", 4);
        var issue = await _github.GetIssueAsync("org", "repo", 3);
        var prIssue = await _github.GetIssueAsync("org", "repo", 4);
        Assert.Equal(("Bug", false), (issue.Title, issue.IsPullRequest));
        Assert.True(prIssue.IsPullRequest);
    }

    [Fact]
    public async Task SearchIssues_Query_IsEscapedAndFiltered()
    {
        Fake.AddPullRequest("org", "repo", 1, labels: ["lgtm"]);
        Fake.AddPullRequest("org", "repo", 2);
        Fake.AddIssue("org", "repo", 3, labels: ["lgtm"]);
        var found = await _github.SearchIssuesAsync("repo:org/repo is:pr is:open label:lgtm");
        Assert.Equal([1], found.Select(i => i.Number));
        var request = Fake.Requests.Single();
        Assert.Equal("/search/issues", request.Path);
        Assert.Equal("?q=repo%3Aorg%2Frepo%20is%3Apr%20is%3Aopen%20label%3Algtm&per_page=100", request.Query);
    }

    [Fact]
    public async Task Labels_IssueAndRepo_AreListed()
    {
        Fake.AddLabel("org", "repo", "kind/bug", "d73a4a", "Something is broken");
        Fake.AddIssue("org", "repo", 1, labels: ["kind/bug"]);
        var issueLabels = await _github.GetIssueLabelsAsync("org", "repo", 1);
        var repoLabels = await _github.GetRepoLabelsAsync("org", "repo");
        Assert.Equal(("kind/bug", "d73a4a"), (issueLabels.Single().Name, issueLabels.Single().Color));
        Assert.Equal("Something is broken", repoLabels.Single().Description);
        Assert.Equal(["/repos/org/repo/issues/1/labels", "/repos/org/repo/labels"], Fake.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task ListIssueComments_Seeded_ReturnsThem()
    {
        Fake.AddIssue("org", "repo", 1);
        Fake.AddComment("org", "repo", 1, "alice", "/lgtm");
        var comments = await _github.ListIssueCommentsAsync("org", "repo", 1);
        Assert.Equal(("alice", "/lgtm"), (comments.Single().User.Login, comments.Single().Body));
    }

    public static TheoryData<string, bool, bool> People => new()
    {
        { "member and collaborator", true, true },
        { "neither (404)", false, false },
    };

    [Theory]
    [MemberData(nameof(People))]
    public async Task IsMemberAndCollaborator_204Or404_AnswerTrueOrFalse(string name, bool member, bool collaborator)
    {
        _ = name;
        if (member) Fake.AddMember("org", "alice");
        if (collaborator) Fake.AddCollaborator("org", "repo", "alice");
        Assert.Equal(member, await _github.IsMemberAsync("org", "alice"));
        Assert.Equal(collaborator, await _github.IsCollaboratorAsync("org", "repo", "alice"));
        Assert.Equal(["/orgs/org/members/alice", "/repos/org/repo/collaborators/alice"], Fake.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Teams_AndMembers_AreListed()
    {
        Fake.AddTeam("org", "reviewers", "Reviewers", "alice", "bob");
        var teams = await _github.ListTeamsAsync("org");
        var members = await _github.ListTeamMembersAsync("org", "reviewers");
        Assert.Equal(("reviewers", "Reviewers"), (teams.Single().Slug, teams.Single().Name));
        Assert.Equal(["alice", "bob"], members.Select(m => m.Login));
    }

    [Fact]
    public async Task StatusesAndCheckRuns_ByBranchName_ResolveToHead()
    {
        var sha = Fake.Repo("org", "repo").Refs["heads/main"];
        Fake.AddStatus("org", "repo", sha, "ci/unit", "pending");
        Fake.AddStatus("org", "repo", sha, "ci/unit", "success", "passed");
        Fake.AddCheckRun("org", "repo", sha, "lint", "completed", "failure");
        var combined = await _github.GetCombinedStatusAsync("org", "repo", "main");
        var checks = await _github.ListCheckRunsAsync("org", "repo", sha);
        Assert.Equal(("success", sha), (combined.State, combined.Sha));
        Assert.Equal(("ci/unit", "success", "passed"), (combined.Statuses.Single().Context, combined.Statuses.Single().State, combined.Statuses.Single().Description));
        Assert.Equal(("lint", "failure"), (checks.Single().Name, checks.Single().Conclusion));
        Assert.Equal([$"/repos/org/repo/commits/main/status", $"/repos/org/repo/commits/{sha}/check-runs"], Fake.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task GetFile_Base64WrappedContent_IsDecoded()
    {
        var content = string.Join('\n', Enumerable.Range(0, 40).Select(i => $"approvers: [user{i}]"));
        Fake.SetFile("org", "repo", "pkg/OWNERS", content);
        Fake.SetFile("org", "repo", "pkg/OWNERS", "old", gitRef: "release-1.0");
        Assert.Equal(content, Encoding.UTF8.GetString((await _github.GetFileAsync("org", "repo", "pkg/OWNERS", null))!));
        Assert.Equal("old", Encoding.UTF8.GetString((await _github.GetFileAsync("org", "repo", "pkg/OWNERS", "release-1.0"))!));
        Assert.Equal(["", "?ref=release-1.0"], Fake.Requests.Select(r => r.Query));
    }

    [Theory]
    [InlineData("missing/OWNERS")]
    [InlineData("pkg")]
    public async Task GetFile_MissingOrDirectory_ReturnsNull(string path)
    {
        Fake.SetFile("org", "repo", "pkg/OWNERS", "x");
        Assert.Null(await _github.GetFileAsync("org", "repo", path, null));
    }

    [Fact]
    public async Task GetRef_Branch_ReturnsSha()
    {
        Fake.SetRef("org", "repo", "heads/release/v1", "abc123");
        Assert.Equal("abc123", await _github.GetRefAsync("org", "repo", "heads/release/v1"));
        Assert.Equal("/repos/org/repo/git/ref/heads/release/v1", Fake.Requests.Single().Path);
    }

    [Fact]
    public async Task GetPullRequest_Unknown_ThrowsGitHubExceptionWithStatusEndpointAndMessage()
    {
        var ex = await Assert.ThrowsAsync<GitHubException>(() => _github.GetPullRequestAsync("org", "repo", 404));
        Assert.True(ex.IsNotFound);
        Assert.Equal("GET /repos/org/repo/pulls/404", ex.Endpoint);
        Assert.Contains("Not Found", ex.Message);
    }
}
