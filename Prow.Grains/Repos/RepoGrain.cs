using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prow.Abstractions;
using Prow.Abstractions.PullRequests;
using Prow.Abstractions.Repos;
using Prow.Abstractions.Webhooks;
using Prow.Grains.Plugins;
using Prow.Grains.Webhooks;

namespace Prow.Grains.Repos;

/// <summary>
/// A repository (<c>org/repo</c>): runs the plugins for push/create/delete, and hands status and
/// check events to the open pull requests whose head is that SHA (each accepts it durably and
/// de-duplicates by delivery ID, so re-routing after a restart is safe).
/// </summary>
public sealed class RepoGrain : WebhookInboxGrain<RepoGrainState>, IRepoGrain
{
    private readonly IPersistentState<RepoHeadsState> _heads;
    private readonly SharedWrite _headsWrite;
    private readonly IPluginDispatcher _plugins;

    public RepoGrain(
        [PersistentState("repo")] IPersistentState<RepoGrainState> state,
        [PersistentState("repo-heads")] IPersistentState<RepoHeadsState> heads,
        IPluginDispatcher plugins,
        IOptions<InboxOptions> options,
        TimeProvider time,
        ILogger<RepoGrain> logger)
        : base(state, options, time, logger)
    {
        _heads = heads;
        _headsWrite = new SharedWrite(() => heads.WriteStateAsync());
        _plugins = plugins;
    }

    private Dictionary<string, List<int>> Heads => _heads.State.Heads;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Heads.Count > 0)
        {
            // An index kept by an earlier version beside the inbox: saved on its own first, then dropped from the inbox
            // state, so a crash between the two writes leaves it in both (and this runs again), never in neither.
            foreach (var (sha, numbers) in State.Heads)
            {
                foreach (var number in numbers) AddHead(sha, number);
            }
            await _heads.WriteStateAsync(cancellationToken);
            State.Heads.Clear();
            await PersistAsync();
        }
        await base.OnActivateAsync(cancellationToken);
    }

    public async Task IndexHead(int number, string? oldSha, string? newSha)
    {
        var changed = false;
        if (oldSha is not null && Heads.TryGetValue(oldSha, out var numbers) && numbers.Remove(number))
        {
            if (numbers.Count == 0) Heads.Remove(oldSha);
            changed = true;
        }
        if (newSha is not null && AddHead(newSha, number)) changed = true;
        // Every pull request of the repository calls this as it opens or moves: calls interleave and share writes.
        if (changed || _headsWrite.Unsaved) await _headsWrite.WriteAsync();
    }

    /// <summary>Records <paramref name="number"/> under <paramref name="sha"/>; false when it already was.</summary>
    private bool AddHead(string sha, int number)
    {
        if (!Heads.TryGetValue(sha, out var list)) Heads[sha] = list = [];
        if (list.Contains(number)) return false;
        list.Add(number);
        return true;
    }

    public Task<IReadOnlyList<int>> PullRequestsWithHead(string sha) =>
        Task.FromResult<IReadOnlyList<int>>(Heads.TryGetValue(sha, out var numbers) ? [.. numbers] : []);

    protected override async Task ProcessAsync(WebhookEvent webhook, CancellationToken cancellationToken)
    {
        if (HeadShaOf(webhook) is not { } sha)
        {
            await _plugins.DispatchAsync(webhook, cancellationToken);
            return;
        }
        // Plugins see a commit event once, as in Prow, whether no pull request or several have that head;
        // the pull requests get it afterwards for their own records.
        await _plugins.DispatchAsync(webhook, cancellationToken);
        var repo = RepoKey.Parse(this.GetPrimaryKeyString());
        var numbers = Heads.TryGetValue(sha, out var list) ? list.ToArray() : [];
        if (numbers.Length == 0)
            Logger.LogDebug("{EventType} {DeliveryId} for {Sha} in {Repo}: no open pull request has that head", webhook.EventType, webhook.DeliveryId, sha, repo);
        var forwarded = webhook with { RoutedByCommit = true };
        foreach (var number in numbers)
            await GrainFactory.GetPullRequestGrain(new PullRequestKey(repo.Org, repo.Repo, number)).Accept(forwarded);
    }

    /// <summary>The commit a status or check event is about; null for events that are not routed by SHA.</summary>
    public static string? HeadShaOf(WebhookEvent webhook)
    {
        if (CommitEvents.ShaPath(webhook.EventType) is null) return null;
        using var doc = JsonDocument.Parse(webhook.Payload);
        return CommitEvents.Sha(webhook.EventType, doc.RootElement);
    }
}
