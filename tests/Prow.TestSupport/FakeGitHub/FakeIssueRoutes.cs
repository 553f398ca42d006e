using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Prow.TestSupport.FakeGitHub.FakeRoutes;

namespace Prow.TestSupport.FakeGitHub;

internal static partial class FakeIssueRoutes
{
    public static void Map(FakeRouter router, FakeGitHubServer server)
    {
        router.Map("GET", $"{RepoPrefix}/issues/{{number}}", r => WithIssue(server, r, false, (repo, issue) => FakeResponse.Ok(server.Json.Issue(repo, issue))));

        router.Map("PATCH", $"{RepoPrefix}/issues/{{number}}", r => WithIssue(server, r, false, (repo, issue) =>
        {
            if (r.String("state") is { } state)
            {
                if (state is not ("open" or "closed")) return FakeResponse.Error((HttpStatusCode)422, $"Invalid state \"{state}\"");
                issue.State = state;
            }
            if (r.String("title") is { } title) issue.Title = title;
            if (r.Body?["body"] is not null) issue.Body = r.String("body");
            issue.UpdatedAt = server.Now;
            return FakeResponse.Ok(server.Json.Issue(repo, issue));
        }));

        router.Map("POST", $"{RepoPrefix}/issues/{{number}}/assignees", r => WithIssue(server, r, false, (repo, issue) =>
        {
            // GitHub silently skips logins that cannot be assigned.
            foreach (var login in r.Strings("assignees"))
            {
                if (CanBeAssigned(server, repo, login) && !issue.Assignees.Contains(login, StringComparer.OrdinalIgnoreCase)) issue.Assignees.Add(login);
            }
            issue.UpdatedAt = server.Now;
            return FakeResponse.Created(server.Json.Issue(repo, issue));
        }));

        router.Map("DELETE", $"{RepoPrefix}/issues/{{number}}/assignees", r => WithIssue(server, r, false, (repo, issue) =>
        {
            var remove = r.Strings("assignees");
            issue.Assignees.RemoveAll(a => remove.Contains(a, StringComparer.OrdinalIgnoreCase));
            issue.UpdatedAt = server.Now;
            return FakeResponse.Ok(server.Json.Issue(repo, issue));
        }));

        router.Map("GET", "/search/issues", r =>
        {
            var q = r.QueryValue("q");
            if (string.IsNullOrWhiteSpace(q)) return FakeResponse.Error((HttpStatusCode)422, "Validation Failed");
            var terms = Terms().Matches(q).Select(m => m.Value.Replace("\"", "", StringComparison.Ordinal)).ToList();
            var perPage = int.TryParse(r.QueryValue("per_page"), out var pp) ? Math.Clamp(pp, 1, 100) : 30;
            var hits = server.AllRepos()
                .SelectMany(repo => repo.Issues.Values.Select(issue => (repo, issue)))
                .Where(x => terms.All(t => Matches(t, x.repo, x.issue)))
                .OrderByDescending(x => x.issue.UpdatedAt).ThenByDescending(x => x.issue.Number)
                .ToList();
            var items = hits.Take(perPage).Select(x =>
            {
                var json = server.Json.Issue(x.repo, x.issue);
                json["score"] = 1.0;
                json["repository_url"] = $"{server.BaseUri.AbsoluteUri}repos/{x.repo.FullName}";
                return (JsonNode)json;
            });
            return FakeResponse.Ok(new JsonObject { ["total_count"] = hits.Count, ["incomplete_results"] = false, ["items"] = new JsonArray([.. items]) });
        });
    }

    private static bool CanBeAssigned(FakeGitHubServer server, FakeRepo repo, string login) =>
        repo.Collaborators.Contains(login) || server.FindOrg(repo.Org)?.Members.Contains(login) == true
        || string.Equals(login, repo.Org, StringComparison.OrdinalIgnoreCase);

    private static bool Matches(string term, FakeRepo repo, FakeIssue issue)
    {
        var negate = term.StartsWith('-');
        var t = negate ? term[1..] : term;
        var colon = t.IndexOf(':');
        if (colon < 0) return true; // free text is not modelled
        var (key, value) = (t[..colon].ToLowerInvariant(), t[(colon + 1)..]);
        bool? result = key switch
        {
            "repo" => string.Equals(value, repo.FullName, StringComparison.OrdinalIgnoreCase),
            "org" or "user" => string.Equals(value, repo.Org, StringComparison.OrdinalIgnoreCase),
            "is" => value switch
            {
                "pr" => issue.IsPullRequest,
                "issue" => !issue.IsPullRequest,
                "open" or "closed" => issue.State == value,
                "merged" => issue.Merged,
                "draft" => issue.Draft,
                _ => null,
            },
            "type" => value == "pr" ? issue.IsPullRequest : value == "issue" ? !issue.IsPullRequest : null,
            "state" => issue.State == value,
            "label" => value.Split(',').Any(l => issue.Labels.Contains(l, StringComparer.OrdinalIgnoreCase)),
            "author" => string.Equals(value, issue.Author, StringComparison.OrdinalIgnoreCase),
            "assignee" => issue.Assignees.Contains(value, StringComparer.OrdinalIgnoreCase),
            "base" => issue.IsPullRequest && issue.BaseRef == value,
            "head" => issue.IsPullRequest && issue.HeadRef == value,
            _ => null,
        };
        return result is null || result.Value != negate;
    }

    [GeneratedRegex("""-?[\w.-]+:"[^"]*"|\S+""")]
    private static partial Regex Terms();
}
