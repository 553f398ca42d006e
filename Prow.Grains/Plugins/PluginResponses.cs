using Prow.Abstractions.GitHub;

namespace Prow.Grains.Plugins;

/// <summary>Prow's reply formats (<c>pkg/plugins/respond.go</c>), byte for byte.</summary>
public static class PluginResponses
{
    public const string AboutThisBotWithoutCommands =
        "Instructions for interacting with me using PR comments are available [here](https://git.k8s.io/community/contributors/guide/pull-requests.md).  " +
        "If you have questions or suggestions related to my behavior, please file an issue against the " +
        "[kubernetes-sigs/prow](https://github.com/kubernetes-sigs/prow/issues/new?title=Prow%20issue:) repository.";

    public const string AboutThisBotCommands = "I understand the commands that are listed [here](https://go.k8s.io/bot-commands).";

    public const string AboutThisBot = AboutThisBotWithoutCommands + " " + AboutThisBotCommands;

    /// <summary><c>FormatResponse</c>: mentions <paramref name="to"/>, then the reason in a <c>&lt;details&gt;</c> block.</summary>
    public static string FormatResponse(string to, string message, string reason) =>
        $"@{to}: {message}\n\n<details>\n\n{reason}\n\n{AboutThisBotWithoutCommands}\n</details>";

    /// <summary><c>FormatSimpleResponse</c>: a message that needs no explanation besides the bot's footer.</summary>
    public static string FormatSimpleResponse(string message) =>
        $"{message}\n\n<details>\n\n{AboutThisBotWithoutCommands}\n</details>";

    /// <summary><c>FormatResponseRaw</c>: replies to <paramref name="login"/>, quoting the text they wrote at <paramref name="bodyUrl"/>.</summary>
    public static string FormatResponseRaw(string body, string bodyUrl, string login, string reply)
    {
        var quoted = string.Join('\n', body.Split('\n').Select(line => ">" + line));
        return FormatResponse(login, reply, $"In response to [this]({bodyUrl}):\n\n{quoted}\n");
    }

    /// <summary><c>FormatICResponse</c>: a reply to an issue comment.</summary>
    public static string FormatIssueCommentResponse(IssueComment comment, string reply) =>
        FormatResponseRaw(comment.Body, comment.HtmlUrl ?? "", comment.User.Login, reply);

    /// <summary>A reply to the text of a <see cref="GenericCommentEvent"/> (comment, review or body).</summary>
    public static string FormatCommentResponse(GenericCommentEvent comment, string reply) =>
        FormatResponseRaw(comment.Body, comment.HtmlUrl, comment.User.Login, reply);
}
