using Prow.Abstractions.GitHub;

namespace Prow.Grains.Ports;

/// <summary>
/// What grains and plugins need from GitHub. The silo wires it to the Octokit adapter
/// (budgeted: conditional requests, rate-limit waits, retries; dry-run drops writes).
/// Failures surface as <see cref="GitHubException"/>.
/// </summary>
public interface IGitHub
{
    /// <summary>The account the token or App acts as (cached).</summary>
    Task<User> GetBotUserAsync(CancellationToken cancellationToken = default);

    // Pull requests and issues
    Task<PullRequest> GetPullRequestAsync(string org, string repo, int number, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<PullRequestFile>> GetPullRequestChangesAsync(string org, string repo, int number, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<Review>> ListReviewsAsync(string org, string repo, int number, CancellationToken cancellationToken = default);
    Task RequestReviewAsync(string org, string repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken = default);
    Task<Issue> GetIssueAsync(string org, string repo, int number, CancellationToken cancellationToken = default);
    /// <summary>"open" or "closed".</summary>
    Task SetIssueStateAsync(string org, string repo, int number, string state, CancellationToken cancellationToken = default);
    Task AssignIssueAsync(string org, string repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken = default);
    Task UnassignIssueAsync(string org, string repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<Issue>> SearchIssuesAsync(string query, CancellationToken cancellationToken = default);
    Task MergePullRequestAsync(string org, string repo, int number, MergeRequest request, CancellationToken cancellationToken = default);

    // Labels
    Task<IReadOnlyList<Label>> GetIssueLabelsAsync(string org, string repo, int number, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<Label>> GetRepoLabelsAsync(string org, string repo, CancellationToken cancellationToken = default);
    Task AddLabelsAsync(string org, string repo, int number, IReadOnlyList<string> labels, CancellationToken cancellationToken = default);
    Task RemoveLabelAsync(string org, string repo, int number, string label, CancellationToken cancellationToken = default);

    // Comments
    Task<IReadOnlyList<IssueComment>> ListIssueCommentsAsync(string org, string repo, int number, CancellationToken cancellationToken = default);
    Task<IssueComment> CreateCommentAsync(string org, string repo, int number, string body, CancellationToken cancellationToken = default);
    Task EditCommentAsync(string org, string repo, long commentId, string body, CancellationToken cancellationToken = default);
    Task DeleteCommentAsync(string org, string repo, long commentId, CancellationToken cancellationToken = default);

    // People
    Task<bool> IsMemberAsync(string org, string login, CancellationToken cancellationToken = default);
    Task<bool> IsCollaboratorAsync(string org, string repo, string login, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<Team>> ListTeamsAsync(string org, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<User>> ListTeamMembersAsync(string org, string teamSlug, CancellationToken cancellationToken = default);

    // Statuses and checks
    Task CreateStatusAsync(string org, string repo, string sha, CommitStatus status, CancellationToken cancellationToken = default);
    Task<CombinedStatus> GetCombinedStatusAsync(string org, string repo, string gitRef, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<CheckRun>> ListCheckRunsAsync(string org, string repo, string gitRef, CancellationToken cancellationToken = default);

    // Repository content
    /// <summary>The file's bytes at <paramref name="gitRef"/> (default branch when null), or null when it does not exist.</summary>
    Task<byte[]?> GetFileAsync(string org, string repo, string path, string? gitRef, CancellationToken cancellationToken = default);
    /// <summary>The SHA a ref points at, e.g. <c>heads/main</c>.</summary>
    Task<string> GetRefAsync(string org, string repo, string gitRef, CancellationToken cancellationToken = default);
}
