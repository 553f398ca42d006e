using Prow.Abstractions.Webhooks;

namespace Prow.Abstractions.PullRequests;

/// <summary>
/// One pull request or issue (<see cref="PullRequestKey"/>): its durable webhook inbox, the plugin
/// pipeline for its events, and a snapshot of what the events said about it.
/// </summary>
[Alias("prow.IPullRequestGrain")]
public interface IPullRequestGrain : IWebhookInbox
{
    [Alias("GetSnapshot")]
    Task<PullRequestSnapshot> GetSnapshot();
}
