using System.Net;

namespace Prow.TestSupport.FakeGitHub;

/// <summary>Registers every resource's routes and holds the lookups they share (404 for unknown repos and issues, installation-token scoping).</summary>
internal static class FakeRoutes
{
    public const string RepoPrefix = "/repos/{owner}/{repo}";

    public static void MapAll(FakeRouter router, FakeGitHubServer server)
    {
        FakePullRoutes.Map(router, server);
        FakeIssueRoutes.Map(router, server);
        FakeLabelRoutes.Map(router, server);
        FakeCommentRoutes.Map(router, server);
        FakeOrgRoutes.Map(router, server);
        FakeStatusRoutes.Map(router, server);
        FakeContentRoutes.Map(router, server);
        FakeAppRoutes.Map(router, server);
    }

    /// <summary>Runs <paramref name="handler"/> with the request's repo, or answers 404 (GitHub hides what you cannot see) / 403 (an installation token of another org).</summary>
    public static FakeResponse WithRepo(FakeGitHubServer server, FakeRequest request, Func<FakeRepo, FakeResponse> handler)
    {
        var repo = server.FindRepo(request["owner"], request["repo"]);
        if (repo is null) return FakeResponse.NotFound();
        return InstallationScope(server, request, repo.Org) ?? handler(repo);
    }

    public static FakeResponse WithIssue(FakeGitHubServer server, FakeRequest request, bool pullOnly, Func<FakeRepo, FakeIssue, FakeResponse> handler) =>
        WithRepo(server, request, repo =>
            repo.Issues.TryGetValue(request.Number, out var issue) && (!pullOnly || issue.IsPullRequest) ? handler(repo, issue) : FakeResponse.NotFound());

    /// <summary>With an installation token (minted by the fake), only its own org may be touched.</summary>
    public static FakeResponse? InstallationScope(FakeGitHubServer server, FakeRequest request, string org)
    {
        if (server.InstallationTokenOrg(request.Authorization) is not { } tokenOrg) return null;
        if (tokenOrg.Expired) return FakeResponse.Error(HttpStatusCode.Unauthorized, "Bad credentials");
        return string.Equals(tokenOrg.Org, org, StringComparison.OrdinalIgnoreCase) ? null : FakeGitHubServer.Forbidden("Resource not accessible by integration");
    }

    public static string? Login(FakeGitHubServer server, FakeRequest request) =>
        server.InstallationTokenOrg(request.Authorization) is not null ? server.App.Slug + "[bot]" : server.BotLogin;
}
