using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Prow.TestSupport;

namespace Prow.Silo.Tests.EndToEnd;

/// <summary>
/// Real example webhooks (octokit's Codertocat/Hello-World) rewritten to another repository, pull request,
/// people and commits: every URL and name of the example repository, then the fields Prow reads.
/// </summary>
public static partial class E2EPayloads
{
    private const string ExampleRepo = "Codertocat/Hello-World";

    public static string PullRequestOpened(string org, string repo, int number, string author, string headSha, string headRef, string baseSha, string baseRef = "main")
    {
        var payload = Rewrite("pull_request.opened", org, repo, number);
        payload["number"] = number;
        payload["sender"]!["login"] = author;
        var pr = payload["pull_request"]!;
        pr["number"] = number;
        pr["draft"] = false;
        pr["user"]!["login"] = author;
        pr["head"]!["sha"] = headSha;
        pr["head"]!["ref"] = headRef;
        pr["head"]!["label"] = $"{org}:{headRef}";
        pr["base"]!["sha"] = baseSha;
        pr["base"]!["ref"] = baseRef;
        pr["base"]!["label"] = $"{org}:{baseRef}";
        foreach (var side in new[] { "head", "base" })
        {
            pr[side]!["user"]!["login"] = org;
            SetRepo(pr[side]!["repo"]!, org, repo);
        }
        return payload.ToJsonString();
    }

    /// <summary>A comment created on pull request <paramref name="number"/> (opened by <paramref name="prAuthor"/>).</summary>
    public static string PullRequestCommentCreated(string org, string repo, int number, string prAuthor, string commenter, string body)
    {
        var payload = Rewrite("issue_comment.created", org, repo, number);
        WebhookPayloads.MakeIssueAPullRequest(payload);
        payload["sender"]!["login"] = commenter;
        var issue = payload["issue"]!;
        issue["number"] = number;
        issue["state"] = "open";
        issue["labels"] = new JsonArray();
        issue["user"]!["login"] = prAuthor;
        payload["comment"]!["user"]!["login"] = commenter;
        payload["comment"]!["body"] = body;
        return payload.ToJsonString();
    }

    private static JsonObject Rewrite(string example, string org, string repo, int number)
    {
        var text = WebhookPayloads.Load(example).Replace(ExampleRepo, $"{org}/{repo}", StringComparison.Ordinal);
        text = ItemUrl().Replace(text, m => m.Value[..^m.Groups["n"].Length] + number);
        var payload = JsonNode.Parse(text)!.AsObject();
        SetRepo(payload["repository"]!, org, repo);
        return payload;
    }

    private static void SetRepo(JsonNode node, string org, string repo)
    {
        node["name"] = repo;
        node["full_name"] = $"{org}/{repo}";
        node["owner"]!["login"] = org;
    }

    [GeneratedRegex(@"/(pull|pulls|issues)/(?<n>\d+)(?=[""/])")]
    private static partial Regex ItemUrl();
}
