using Prow.Abstractions.Webhooks;

namespace Prow.Abstractions.Repos;

/// <summary>
/// One repository (<see cref="RepoKey"/>): inbox for push/create/delete and for status/check events,
/// which it routes to the pull requests whose head is that SHA (its SHA index).
/// </summary>
[Alias("prow.IRepoGrain")]
public interface IRepoGrain : IWebhookInbox
{
    /// <summary>
    /// A pull request's head moved (old or new may be null: opened, closed). Returns once the change is persisted.
    /// Interleaves (with itself and the repository's own events), so a burst of pull requests is not queued
    /// behind one durable write each.
    /// </summary>
    [Alias("IndexHead")]
    [Orleans.Concurrency.AlwaysInterleave]
    Task IndexHead(int number, string? oldSha, string? newSha);

    [Alias("PullRequestsWithHead")]
    Task<IReadOnlyList<int>> PullRequestsWithHead(string sha);
}
