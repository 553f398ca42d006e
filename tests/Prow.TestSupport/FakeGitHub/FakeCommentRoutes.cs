using System.Net;
using System.Text.Json.Nodes;
using static Prow.TestSupport.FakeGitHub.FakeRoutes;

namespace Prow.TestSupport.FakeGitHub;

internal static class FakeCommentRoutes
{
    public static void Map(FakeRouter router, FakeGitHubServer server)
    {
        router.Map("GET", $"{RepoPrefix}/issues/{{number}}/comments", r => WithIssue(server, r, false, (repo, issue) =>
            FakeResponse.Ok(new JsonArray([.. repo.Comments.Where(c => c.IssueNumber == issue.Number).Select(c => (JsonNode)server.Json.Comment(repo, c))]))));

        router.Map("POST", $"{RepoPrefix}/issues/{{number}}/comments", r => WithIssue(server, r, false, (repo, issue) =>
        {
            if (r.String("body") is not { Length: > 0 } body) return FakeResponse.Error((HttpStatusCode)422, "Validation Failed");
            var comment = new FakeComment { Id = server.NextId(), IssueNumber = issue.Number, Author = Login(server, r)!, Body = body, CreatedAt = server.Now, UpdatedAt = server.Now };
            repo.Comments.Add(comment);
            issue.UpdatedAt = server.Now;
            return FakeResponse.Created(server.Json.Comment(repo, comment));
        }));

        router.Map("PATCH", $"{RepoPrefix}/issues/comments/{{id}}", r => WithRepo(server, r, repo =>
        {
            if (Find(repo, r) is not { } comment) return FakeResponse.NotFound();
            comment.Body = r.String("body") ?? comment.Body;
            comment.UpdatedAt = server.Now;
            return FakeResponse.Ok(server.Json.Comment(repo, comment));
        }));

        router.Map("DELETE", $"{RepoPrefix}/issues/comments/{{id}}", r => WithRepo(server, r, repo =>
        {
            if (Find(repo, r) is not { } comment) return FakeResponse.NotFound();
            repo.Comments.Remove(comment);
            return FakeResponse.NoContent();
        }));
    }

    private static FakeComment? Find(FakeRepo repo, FakeRequest request) =>
        long.TryParse(request["id"], out var id) ? repo.Comments.FirstOrDefault(c => c.Id == id) : null;
}
