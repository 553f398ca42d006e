using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prow.Abstractions;
using Prow.Abstractions.PullRequests;
using Prow.Abstractions.Repos;
using Prow.Abstractions.Webhooks;
using Prow.Grains.Plugins;
using Prow.Grains.Webhooks;

namespace Prow.Grains.PullRequests;

/// <summary>
/// A pull request or issue (<c>org/repo#N</c>): accepts its webhooks durably, keeps a snapshot of
/// what they said, keeps the repository's SHA index current, and runs the plugins for each event.
/// </summary>
public sealed class PullRequestGrain(
    [PersistentState("pull-request")] IPersistentState<PullRequestGrainState> state,
    IPluginDispatcher plugins,
    IOptions<InboxOptions> options,
    TimeProvider time,
    ILogger<PullRequestGrain> logger)
    : WebhookInboxGrain<PullRequestGrainState>(state, options, time, logger), IPullRequestGrain
{
    private PullRequestKey Key => PullRequestKey.Parse(this.GetPrimaryKeyString());

    public Task<PullRequestSnapshot> GetSnapshot() => Task.FromResult(State.Snapshot);

    protected override async Task ProcessAsync(WebhookEvent webhook, CancellationToken cancellationToken)
    {
        var snapshot = State.Snapshot;
        var oldHead = snapshot.State == "open" ? snapshot.HeadSha : null;
        // Parsed once for the snapshot and the plugins.
        var payload = PluginEvents.Parse(webhook.EventType, webhook.Payload);
        SnapshotUpdater.Apply(snapshot, payload);
        var newHead = snapshot.IsPullRequest && snapshot.State == "open" ? snapshot.HeadSha : null;
        if (!string.Equals(oldHead ?? "", newHead ?? "", StringComparison.Ordinal))
        {
            var key = Key;
            await GrainFactory.GetRepoGrain(new RepoKey(key.Org, key.Repo))
                .IndexHead(key.Number, string.IsNullOrEmpty(oldHead) ? null : oldHead, string.IsNullOrEmpty(newHead) ? null : newHead);
        }
        if (!webhook.RoutedByCommit) await plugins.DispatchAsync(webhook, payload, cancellationToken);
    }
}
