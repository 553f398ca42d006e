using System.Net;
using System.Text.Json.Nodes;
using static Prow.TestSupport.FakeGitHub.FakeRoutes;

namespace Prow.TestSupport.FakeGitHub;

internal static class FakePullRoutes
{
    public static void Map(FakeRouter router, FakeGitHubServer server)
    {
        router.Map("GET", $"{RepoPrefix}/pulls/{{number}}", r => WithIssue(server, r, true, (repo, pr) => FakeResponse.Ok(server.Json.PullRequest(repo, pr))));

        router.Map("GET", $"{RepoPrefix}/pulls/{{number}}/files", r => WithIssue(server, r, true, (_, pr) =>
            FakeResponse.Ok(new JsonArray([.. pr.Files.Select(f => (JsonNode)FakeJson.PullFile(f))]))));

        router.Map("GET", $"{RepoPrefix}/pulls/{{number}}/reviews", r => WithIssue(server, r, true, (repo, pr) =>
            FakeResponse.Ok(new JsonArray([.. pr.Reviews.Select(v => (JsonNode)server.Json.Review(repo, pr, v))]))));

        router.Map("POST", $"{RepoPrefix}/pulls/{{number}}/requested_reviewers", r => WithIssue(server, r, true, (repo, pr) =>
        {
            foreach (var login in r.Strings("reviewers"))
            {
                if (!repo.Collaborators.Contains(login) && !string.Equals(login, repo.Org, StringComparison.OrdinalIgnoreCase))
                    return FakeResponse.Error((HttpStatusCode)422, "Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the " + repo.FullName + " repository.");
                if (!pr.RequestedReviewers.Contains(login, StringComparer.OrdinalIgnoreCase)) pr.RequestedReviewers.Add(login);
            }
            pr.UpdatedAt = server.Now;
            return FakeResponse.Created(server.Json.PullRequest(repo, pr));
        }));

        router.Map("PUT", $"{RepoPrefix}/pulls/{{number}}/merge", r => WithIssue(server, r, true, (repo, pr) =>
        {
            var method = r.String("merge_method") ?? "merge";
            if (method is not ("merge" or "squash" or "rebase"))
                return FakeResponse.Error((HttpStatusCode)422, $"Invalid merge_method \"{method}\"");
            if (pr.Merged || pr.State != "open" || pr.Mergeable != true)
                return FakeResponse.Error(HttpStatusCode.MethodNotAllowed, "Pull Request is not mergeable");
            if (r.String("sha") is { } sha && sha != pr.HeadSha)
                return FakeResponse.Error(HttpStatusCode.Conflict, "Head branch was modified. Review and try the merge again.");
            pr.Merged = true;
            pr.State = "closed";
            pr.MergeMethod = method;
            pr.MergeCommitSha = FakeGitHubServer.Sha($"{repo.FullName}#{pr.Number} merged");
            pr.UpdatedAt = server.Now;
            repo.Refs[$"heads/{pr.BaseRef}"] = pr.MergeCommitSha;
            return FakeResponse.Ok(new JsonObject { ["sha"] = pr.MergeCommitSha, ["merged"] = true, ["message"] = "Pull Request successfully merged" });
        }));
    }
}
