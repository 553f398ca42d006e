using System.Net;
using System.Text.Json.Nodes;
using static Prow.TestSupport.FakeGitHub.FakeRoutes;

namespace Prow.TestSupport.FakeGitHub;

internal static class FakeLabelRoutes
{
    public static void Map(FakeRouter router, FakeGitHubServer server)
    {
        router.Map("GET", $"{RepoPrefix}/labels", r => WithRepo(server, r, repo =>
            FakeResponse.Ok(new JsonArray([.. repo.Labels.Values.OrderBy(l => l.Name, StringComparer.Ordinal).Select(l => (JsonNode)server.Json.Label(repo, l))]))));

        router.Map("GET", $"{RepoPrefix}/issues/{{number}}/labels", r => WithIssue(server, r, false, (repo, issue) => FakeResponse.Ok(server.Json.Labels(repo, issue))));

        router.Map("POST", $"{RepoPrefix}/issues/{{number}}/labels", r => WithIssue(server, r, false, (repo, issue) =>
        {
            var names = r.Body is JsonArray ? [.. r.Body.AsArray().Select(n => n!.GetValue<string>())] : r.Strings("labels");
            if (names.Count == 0) return FakeResponse.Error((HttpStatusCode)422, "Invalid request.\n\nNo subschema in \"anyOf\" matched.");
            foreach (var name in names)
            {
                var label = FakeGitHubServer.EnsureLabel(repo, name, server.NextId()); // GitHub creates unknown labels
                if (!issue.Labels.Contains(label.Name, StringComparer.OrdinalIgnoreCase)) issue.Labels.Add(label.Name);
            }
            issue.UpdatedAt = server.Now;
            return FakeResponse.Ok(server.Json.Labels(repo, issue));
        }));

        router.Map("DELETE", $"{RepoPrefix}/issues/{{number}}/labels/{{name}}", r => WithIssue(server, r, false, (repo, issue) =>
        {
            var index = issue.Labels.FindIndex(l => string.Equals(l, r["name"], StringComparison.OrdinalIgnoreCase));
            if (index < 0) return FakeResponse.Error(HttpStatusCode.NotFound, "Label does not exist");
            issue.Labels.RemoveAt(index);
            issue.UpdatedAt = server.Now;
            return FakeResponse.Ok(server.Json.Labels(repo, issue));
        }));
    }
}
