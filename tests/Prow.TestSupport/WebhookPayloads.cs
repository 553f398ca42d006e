using System.Text.Json.Nodes;

namespace Prow.TestSupport;

/// <summary>
/// The real GitHub webhook payloads under <c>Payloads/</c> (copied beside the test assembly), by name,
/// e.g. <c>issue_comment.created</c>. <see cref="Edit"/> returns a copy with fields changed in memory.
/// </summary>
public static class WebhookPayloads
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Payloads");

    public static string Load(string name) => File.ReadAllText(Path.Combine(Directory, name + ".json"));

    public static string Edit(string name, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(Load(name))!.AsObject();
        edit(root);
        return root.ToJsonString();
    }

    /// <summary>Turns an <c>issue_comment</c> payload's issue into a pull request, as GitHub marks it.</summary>
    public static void MakeIssueAPullRequest(JsonObject payload)
    {
        var issue = payload["issue"]!.AsObject();
        var url = (string?)issue["url"] ?? "";
        issue["pull_request"] = new JsonObject
        {
            ["url"] = url.Replace("/issues/", "/pulls/", StringComparison.Ordinal),
            ["html_url"] = ((string?)issue["html_url"] ?? "").Replace("/issues/", "/pull/", StringComparison.Ordinal),
        };
    }
}
