using Prow.Abstractions.GitHub;
using Prow.Abstractions.GitHub.Events;

namespace Prow.Grains.Plugins;

/// <summary>
/// Turns the events that carry user text into a <see cref="GenericCommentEvent"/>, as Prow's hook does
/// (<c>github.GeneralizeComment</c>): <c>issue_comment</c>, <c>pull_request_review</c>,
/// <c>pull_request_review_comment</c>, and <c>issues</c> / <c>pull_request</c> whose action concerns the body
/// (opened, edited). Other actions (labeled, closed, synchronize, ...) give null.
/// </summary>
public static class GenericComments
{
    /// <summary>Prow's <c>GeneralizeCommentAction</c>: null when the action is unrelated to the text.</summary>
    public static GenericCommentAction? ActionOf(string? action) => action switch
    {
        "created" or "opened" or "submitted" => GenericCommentAction.Created,
        "edited" => GenericCommentAction.Edited,
        "deleted" or "dismissed" => GenericCommentAction.Deleted,
        _ => null,
    };

    public static GenericCommentEvent? From(WebhookPayload payload, string deliveryId)
    {
        if (ActionOf(payload.Action) is not { } action) return null;
        return payload switch
        {
            IssueEvent e => FromIssue(e.Issue, action, e.Repo, deliveryId) with { Body = e.Issue.Body ?? "", HtmlUrl = e.Issue.HtmlUrl ?? "", User = e.Issue.User },
            IssueCommentEvent e => FromIssue(e.Issue, action, e.Repo, deliveryId) with
            {
                CommentId = e.Comment.Id, Body = e.Comment.Body, HtmlUrl = e.Comment.HtmlUrl ?? "", User = e.Comment.User,
            },
            PullRequestEvent e => FromPullRequest(e.PullRequest, action, e.Repo, deliveryId) with
            {
                Id = e.PullRequest.Id, Body = e.PullRequest.Body ?? "", HtmlUrl = e.PullRequest.HtmlUrl ?? "", User = e.PullRequest.User,
            },
            PullRequestReviewEvent e => FromPullRequest(e.PullRequest, action, e.Repo, deliveryId) with
            {
                Body = e.Review.Body ?? "", HtmlUrl = e.Review.HtmlUrl ?? "", User = e.Review.User,
            },
            PullRequestReviewCommentEvent e => FromPullRequest(e.PullRequest, action, e.Repo, deliveryId) with
            {
                CommentId = e.Comment.Id, Body = e.Comment.Body, HtmlUrl = e.Comment.HtmlUrl ?? "", User = e.Comment.User,
            },
            _ => null,
        };
    }

    private static GenericCommentEvent FromIssue(Issue issue, GenericCommentAction action, Repo repo, string deliveryId) => new()
    {
        Id = issue.Id,
        IsPR = issue.IsPullRequest,
        Action = action,
        Number = issue.Number,
        Repo = repo,
        IssueAuthor = issue.User,
        Assignees = issue.Assignees,
        IssueState = issue.State,
        IssueTitle = issue.Title,
        IssueBody = issue.Body ?? "",
        IssueHtmlUrl = issue.HtmlUrl ?? "",
        Guid = deliveryId,
    };

    private static GenericCommentEvent FromPullRequest(PullRequest pr, GenericCommentAction action, Repo repo, string deliveryId) => new()
    {
        IsPR = true,
        Action = action,
        Number = pr.Number,
        Repo = repo,
        IssueAuthor = pr.User,
        Assignees = pr.Assignees,
        IssueState = pr.State,
        IssueTitle = pr.Title,
        IssueBody = pr.Body ?? "",
        IssueHtmlUrl = pr.HtmlUrl ?? "",
        Guid = deliveryId,
    };
}
