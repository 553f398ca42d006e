using Prow.Abstractions.Webhooks;

namespace Prow.Abstractions.Repos;

/// <summary>
/// One repository (<see cref="RepoKey"/>): inbox for push/create/delete and for status/check events,
/// which it routes to the pull requests whose head is that SHA (its SHA index).
/// </summary>
[Alias("prow.IRepoGrain")]
public interface IRepoGrain : IWebhookInbox
{
    /// <summary>A pull request's head moved (old or new may be null: opened, closed).</summary>
    [Alias("IndexHead")]
    Task IndexHead(int number, string? oldSha, string? newSha);

    [Alias("PullRequestsWithHead")]
    Task<IReadOnlyList<int>> PullRequestsWithHead(string sha);
}
