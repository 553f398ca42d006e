using System.Text.Json.Nodes;
using static Prow.TestSupport.FakeGitHub.FakeRoutes;

namespace Prow.TestSupport.FakeGitHub;

internal static class FakeOrgRoutes
{
    public static void Map(FakeRouter router, FakeGitHubServer server)
    {
        router.Map("GET", "/user", r =>
        {
            var user = server.Json.User(Login(server, r)!);
            user["name"] = "Prow Bot";
            return FakeResponse.Ok(user);
        });

        router.Map("GET", "/orgs/{org}/members/{username}", r => WithOrg(server, r, org =>
            org.Members.Contains(r["username"]) ? FakeResponse.NoContent() : FakeResponse.NotFound()));

        router.Map("GET", $"{RepoPrefix}/collaborators/{{username}}", r => WithRepo(server, r, repo =>
            repo.Collaborators.Contains(r["username"]) || string.Equals(r["username"], repo.Org, StringComparison.OrdinalIgnoreCase)
                ? FakeResponse.NoContent() : FakeResponse.NotFound()));

        router.Map("GET", "/orgs/{org}/teams", r => WithOrg(server, r, org =>
            FakeResponse.Ok(new JsonArray([.. org.Teams.Values.OrderBy(t => t.Slug, StringComparer.Ordinal).Select(t => (JsonNode)server.Json.Team(org, t))]))));

        router.Map("GET", "/orgs/{org}/teams/{team_slug}/members", r => WithOrg(server, r, org =>
            org.Teams.TryGetValue(r["team_slug"], out var team)
                ? FakeResponse.Ok(new JsonArray([.. team.Members.Select(m => (JsonNode)server.Json.User(m))]))
                : FakeResponse.NotFound()));
    }

    private static FakeResponse WithOrg(FakeGitHubServer server, FakeRequest request, Func<FakeOrg, FakeResponse> handler)
    {
        if (server.FindOrg(request["org"]) is not { } org) return FakeResponse.NotFound();
        return InstallationScope(server, request, org.Login) ?? handler(org);
    }
}
