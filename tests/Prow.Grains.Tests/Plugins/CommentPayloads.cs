using System.Text.Json.Nodes;
using Prow.TestSupport;

namespace Prow.Grains.Tests.Plugins;

/// <summary>Real <c>issue_comment</c> payloads (Codertocat/Hello-World#1) with the body, author and target changed.</summary>
internal static class CommentPayloads
{
    public const string Org = "Codertocat";
    public const string Repo = "Hello-World";
    public const int Number = 1;
    public const string CommentUrl = "https://github.com/Codertocat/Hello-World/issues/1#issuecomment-492700400";

    public static string OnPullRequest(string body, string login = "Codertocat", string action = "created") =>
        Comment(body, login, action, pullRequest: true);

    public static string OnIssue(string body, string login = "Codertocat", string action = "created") =>
        Comment(body, login, action, pullRequest: false);

    private static string Comment(string body, string login, string action, bool pullRequest) =>
        WebhookPayloads.Edit("issue_comment.created", p =>
        {
            if (pullRequest) WebhookPayloads.MakeIssueAPullRequest(p);
            p["action"] = action;
            var comment = p["comment"]!.AsObject();
            comment["body"] = body;
            comment["user"]!.AsObject()["login"] = login;
        });
}
