using System.Text.Json;
using Prow.Abstractions.GitHub;
using Prow.Abstractions.GitHub.Events;

namespace Prow.Grains.Plugins;

/// <summary>The webhook event types plugins handle (X-GitHub-Event values), parsing, and Prow's names for them in help.</summary>
public static class PluginEvents
{
    public const string Issues = "issues";
    public const string IssueComment = "issue_comment";
    public const string PullRequest = "pull_request";
    public const string PullRequestReview = "pull_request_review";
    public const string PullRequestReviewComment = "pull_request_review_comment";
    public const string Push = "push";
    public const string Status = "status";
    /// <summary>Not a webhook: any event with user text, normalised to a <see cref="GenericCommentEvent"/>.</summary>
    public const string GenericComment = "GenericCommentEvent";

    /// <summary>Parses a webhook body by its event type; types without a model parse to <see cref="OtherEventPayload"/>.</summary>
    /// <exception cref="JsonException">The body is not a JSON object.</exception>
    public static WebhookPayload Parse(string eventType, string json) => eventType switch
    {
        Issues => GitHubJson.Deserialize<IssueEvent>(json),
        IssueComment => GitHubJson.Deserialize<IssueCommentEvent>(json),
        PullRequest => GitHubJson.Deserialize<PullRequestEvent>(json),
        PullRequestReview => GitHubJson.Deserialize<PullRequestReviewEvent>(json),
        PullRequestReviewComment => GitHubJson.Deserialize<PullRequestReviewCommentEvent>(json),
        Push => GitHubJson.Deserialize<PushEvent>(json),
        Status => GitHubJson.Deserialize<StatusEvent>(json),
        "check_run" => GitHubJson.Deserialize<CheckRunEvent>(json),
        "check_suite" => GitHubJson.Deserialize<CheckSuiteEvent>(json),
        "create" or "delete" => GitHubJson.Deserialize<RefEvent>(json),
        _ => GitHubJson.Deserialize<OtherEventPayload>(json),
    };

    /// <summary>The name Prow's <c>EventsForPlugin</c> shows in plugin help.</summary>
    public static string HelpName(string eventType) => eventType switch
    {
        Issues => "issue",
        GenericComment => "GenericCommentEvent (any event for user text)",
        _ => eventType,
    };

    /// <summary>The org and repo an event belongs to (for pull requests, the base repository, as Prow's hook uses).</summary>
    public static (string Org, string Repo) RepoOf(WebhookPayload payload)
    {
        var repo = payload switch
        {
            PullRequestEvent e when e.PullRequest.Base.Repo is { } b => b,
            PullRequestReviewEvent e when e.PullRequest.Base.Repo is { } b => b,
            PullRequestReviewCommentEvent e when e.PullRequest.Base.Repo is { } b => b,
            _ => payload.Repo,
        };
        if (repo.Owner.Login.Length > 0 && repo.Name.Length > 0) return (repo.Owner.Login, repo.Name);
        var slash = repo.FullName.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? (repo.FullName[..slash], repo.FullName[(slash + 1)..]) : ("", "");
    }

    /// <summary>The issue or pull request number an event concerns, if any.</summary>
    public static int? NumberOf(WebhookPayload payload) => payload switch
    {
        IssueEvent e => e.Issue.Number,
        IssueCommentEvent e => e.Issue.Number,
        PullRequestEvent e => e.PullRequest.Number != 0 ? e.PullRequest.Number : e.Number,
        PullRequestReviewEvent e => e.PullRequest.Number,
        PullRequestReviewCommentEvent e => e.PullRequest.Number,
        _ => null,
    };
}
