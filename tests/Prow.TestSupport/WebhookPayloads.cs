using System.Text.Json.Nodes;
using Prow.TestSupport.Webhooks;

namespace Prow.TestSupport;

/// <summary>
/// Real GitHub webhook payloads by name, <c>event.action</c> (e.g. <c>issue_comment.created</c>) or just
/// <c>event</c>: the first such example of <see cref="WebhookExamples"/>. <see cref="Edit"/> returns a
/// copy with fields changed in memory.
/// </summary>
public static class WebhookPayloads
{
    public static string Load(string name)
    {
        var dot = name.IndexOf('.');
        return (dot < 0 ? WebhookExamples.Get(name) : WebhookExamples.Get(name[..dot], name[(dot + 1)..])).ToJsonString();
    }

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
