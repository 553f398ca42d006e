using Prow.Abstractions.GitHub;
using Prow.Abstractions.GitHub.Events;
using Prow.Abstractions.PullRequests;
using Prow.Abstractions.Webhooks;

namespace Prow.Grains.PullRequests;

/// <summary>Pure: folds a webhook into a pull request snapshot (newer information only).</summary>
public static class SnapshotUpdater
{
    public static void Apply(PullRequestSnapshot snapshot, WebhookEvent webhook) =>
        Apply(snapshot, Plugins.PluginEvents.Parse(webhook.EventType, webhook.Payload));

    /// <summary>Folds an already parsed delivery (<see cref="Plugins.PluginEvents.Parse"/>) into the snapshot.</summary>
    public static void Apply(PullRequestSnapshot snapshot, WebhookPayload payload)
    {
        switch (payload)
        {
            case PullRequestEvent e:
                Apply(snapshot, e.PullRequest);
                break;
            case PullRequestReviewEvent e:
                Apply(snapshot, e.PullRequest);
                break;
            case PullRequestReviewCommentEvent e:
                Apply(snapshot, e.PullRequest);
                break;
            case IssueEvent e:
                Apply(snapshot, e.Issue);
                break;
            case IssueCommentEvent e:
                Apply(snapshot, e.Issue);
                break;
            case StatusEvent e when e.Sha.Length > 0 && e.Sha == snapshot.HeadSha && e.Context.Length > 0:
                snapshot.HeadStatuses[e.Context] = e.State;
                break;
        }
    }

    private static void Apply(PullRequestSnapshot snapshot, PullRequest pr)
    {
        if (pr.UpdatedAt < snapshot.UpdatedAt) return; // an older delivery arriving late
        snapshot.IsPullRequest = true;
        snapshot.State = pr.State;
        snapshot.Author = pr.User.Login;
        snapshot.Title = pr.Title;
        if (snapshot.HeadSha != pr.Head.Sha) snapshot.HeadStatuses.Clear();
        snapshot.HeadSha = pr.Head.Sha;
        snapshot.HeadRef = pr.Head.Ref;
        snapshot.BaseRef = pr.Base.Ref;
        snapshot.BaseSha = pr.Base.Sha;
        snapshot.Labels = pr.Labels.Select(l => l.Name).ToList();
        snapshot.Draft = pr.Draft;
        snapshot.Merged = pr.Merged;
        snapshot.Mergeable = pr.Mergeable;
        snapshot.UpdatedAt = pr.UpdatedAt;
    }

    private static void Apply(PullRequestSnapshot snapshot, Issue issue)
    {
        if (issue.UpdatedAt < snapshot.UpdatedAt) return;
        snapshot.IsPullRequest = issue.IsPullRequest;
        snapshot.State = issue.State;
        snapshot.Author = issue.User.Login;
        snapshot.Title = issue.Title;
        snapshot.Labels = issue.Labels.Select(l => l.Name).ToList();
        snapshot.UpdatedAt = issue.UpdatedAt;
    }
}
