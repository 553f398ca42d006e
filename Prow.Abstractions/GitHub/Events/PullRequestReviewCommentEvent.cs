namespace Prow.Abstractions.GitHub.Events;

/// <summary><c>pull_request_review_comment</c>: created, edited, deleted.</summary>
public sealed class PullRequestReviewCommentEvent : WebhookPayload
{
    public PullRequest PullRequest { get; set; } = new();
    public ReviewComment Comment { get; set; } = new();
}
