using Prow.Silo.Adapters.GitHub;

namespace Prow.Silo.Tests.Adapters.GitHub;

public sealed class EndpointTemplateTests
{
    public static TheoryData<string, string> Paths => new()
    {
        { "/repos/kubernetes/test-infra/issues/123/labels", "/repos/{owner}/{repo}/issues/{number}/labels" },
        { "/repos/k/t/issues/123/labels/do-not-merge%2Fhold", "/repos/{owner}/{repo}/issues/{number}/labels/{name}" },
        { "/repos/k/t/issues/comments/99", "/repos/{owner}/{repo}/issues/comments/{comment_id}" },
        { "/repos/k/t/issues/5/comments", "/repos/{owner}/{repo}/issues/{number}/comments" },
        { "/repos/k/t/pulls/5/requested_reviewers", "/repos/{owner}/{repo}/pulls/{number}/requested_reviewers" },
        { "/repos/k/t/commits/abc/status", "/repos/{owner}/{repo}/commits/{ref}/status" },
        { "/repos/k/t/statuses/abc", "/repos/{owner}/{repo}/statuses/{ref}" },
        { "/repos/k/t/contents/a/b/OWNERS", "/repos/{owner}/{repo}/contents/{path}" },
        { "/repos/k/t/git/ref/heads/release/v1", "/repos/{owner}/{repo}/git/ref/{ref}" },
        { "/repos/k/t/labels", "/repos/{owner}/{repo}/labels" },
        { "/orgs/k/members/alice", "/orgs/{org}/members/{username}" },
        { "/orgs/k/teams/sig-testing/members", "/orgs/{org}/teams/{team_slug}/members" },
        { "/app/installations/42/access_tokens", "/app/installations/{installation_id}/access_tokens" },
        { "/users/alice/installation", "/users/{username}/installation" },
        { "/search/issues", "/search/issues" },
        { "/user", "/user" },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void For_RequestPath_IsTemplate(string path, string template) => Assert.Equal(template, EndpointTemplate.For(path));

    [Fact]
    public void For_EndpointWithBasePath_StripsIt() =>
        Assert.Equal("/repos/{owner}/{repo}/pulls/{number}", EndpointTemplate.For("/api/v3/repos/o/r/pulls/1", ["/api/v3/"]));
}
