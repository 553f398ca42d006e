using System.Net;
using System.Text.Json.Nodes;
using static Prow.TestSupport.FakeGitHub.FakeRoutes;

namespace Prow.TestSupport.FakeGitHub;

internal static class FakeStatusRoutes
{
    public static void Map(FakeRouter router, FakeGitHubServer server)
    {
        router.Map("POST", $"{RepoPrefix}/statuses/{{sha}}", r => WithRepo(server, r, repo =>
        {
            var state = r.String("state");
            if (state is not ("pending" or "success" or "failure" or "error"))
                return FakeResponse.Error((HttpStatusCode)422, $"Validation Failed: state \"{state}\"");
            var status = server.AddStatusLocked(repo, r["sha"], r.String("context") ?? "default", state, r.String("description"), r.String("target_url"), Login(server, r)!);
            return FakeResponse.Created(server.Json.Status(status));
        }));

        router.Map("GET", $"{RepoPrefix}/commits/{{*ref}}/status", r => WithRepo(server, r, repo =>
        {
            var sha = Resolve(repo, r["ref"]);
            var latest = repo.Statuses.Where(s => s.Sha == sha).GroupBy(s => s.Context).Select(g => g.Last()).OrderBy(s => s.Context, StringComparer.Ordinal).ToList();
            var state = latest.Count == 0 ? "pending"
                : latest.Any(s => s.State is "failure" or "error") ? "failure"
                : latest.Any(s => s.State == "pending") ? "pending" : "success";
            return FakeResponse.Ok(new JsonObject
            {
                ["state"] = state,
                ["sha"] = sha,
                ["total_count"] = latest.Count,
                ["statuses"] = new JsonArray([.. latest.Select(s => (JsonNode)server.Json.Status(s))]),
                ["repository"] = server.Json.Repo(repo),
                ["commit_url"] = $"{server.BaseUri.AbsoluteUri}repos/{repo.FullName}/commits/{sha}",
            });
        }));

        router.Map("GET", $"{RepoPrefix}/commits/{{*ref}}/check-runs", r => WithRepo(server, r, repo =>
        {
            var sha = Resolve(repo, r["ref"]);
            var runs = repo.CheckRuns.Where(c => c.HeadSha == sha).ToList();
            return FakeResponse.Ok(new JsonObject
            {
                ["total_count"] = runs.Count,
                ["check_runs"] = new JsonArray([.. runs.Select(c => (JsonNode)server.Json.CheckRun(c))]),
            });
        }));
    }

    /// <summary>A branch name (or heads/...) to its SHA; anything else is taken as a SHA.</summary>
    internal static string Resolve(FakeRepo repo, string gitRef) =>
        repo.Refs.GetValueOrDefault(gitRef) ?? repo.Refs.GetValueOrDefault($"heads/{gitRef}") ?? gitRef;
}
