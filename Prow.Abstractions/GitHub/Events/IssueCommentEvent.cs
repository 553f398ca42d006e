namespace Prow.Abstractions.GitHub.Events;

/// <summary><c>issue_comment</c> on an issue or a pull request: created, edited, deleted.</summary>
public sealed class IssueCommentEvent : WebhookPayload
{
    public Issue Issue { get; set; } = new();
    public IssueComment Comment { get; set; } = new();
}
