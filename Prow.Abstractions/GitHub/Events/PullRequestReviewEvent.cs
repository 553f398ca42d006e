namespace Prow.Abstractions.GitHub.Events;

/// <summary><c>pull_request_review</c>: submitted, edited, dismissed.</summary>
public sealed class PullRequestReviewEvent : WebhookPayload
{
    public PullRequest PullRequest { get; set; } = new();
    public Review Review { get; set; } = new();
}
