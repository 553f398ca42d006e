using Prow.Abstractions.GitHub;
using Prow.Grains.Ports;

namespace Prow.Grains.Plugins;

/// <summary>
/// Passes every call through and remembers that one was made: the <c>took_action</c> label of the plugin
/// metrics, which in Prow is true once a plugin has called GitHub at all (its client's <c>Used()</c>).
/// </summary>
public sealed class UsageTrackingGitHub(IGitHub inner) : IGitHub
{
    private volatile bool _used;

    public bool Used => _used;

    private IGitHub Use()
    {
        _used = true;
        // Conservative: reads count too, so an event whose plugins touched GitHub at all has its completion saved at once.
        Webhooks.ProcessingEffects.Mark();
        return inner;
    }

    public Task<User> GetBotUserAsync(CancellationToken ct = default) => Use().GetBotUserAsync(ct);
    public Task<PullRequest> GetPullRequestAsync(string org, string repo, int number, CancellationToken ct = default) => Use().GetPullRequestAsync(org, repo, number, ct);
    public Task<IReadOnlyList<PullRequestFile>> GetPullRequestChangesAsync(string org, string repo, int number, CancellationToken ct = default) => Use().GetPullRequestChangesAsync(org, repo, number, ct);
    public Task<IReadOnlyList<Review>> ListReviewsAsync(string org, string repo, int number, CancellationToken ct = default) => Use().ListReviewsAsync(org, repo, number, ct);
    public Task RequestReviewAsync(string org, string repo, int number, IReadOnlyList<string> logins, CancellationToken ct = default) => Use().RequestReviewAsync(org, repo, number, logins, ct);
    public Task<Issue> GetIssueAsync(string org, string repo, int number, CancellationToken ct = default) => Use().GetIssueAsync(org, repo, number, ct);
    public Task SetIssueStateAsync(string org, string repo, int number, string state, CancellationToken ct = default) => Use().SetIssueStateAsync(org, repo, number, state, ct);
    public Task AssignIssueAsync(string org, string repo, int number, IReadOnlyList<string> logins, CancellationToken ct = default) => Use().AssignIssueAsync(org, repo, number, logins, ct);
    public Task UnassignIssueAsync(string org, string repo, int number, IReadOnlyList<string> logins, CancellationToken ct = default) => Use().UnassignIssueAsync(org, repo, number, logins, ct);
    public Task<IReadOnlyList<Issue>> SearchIssuesAsync(string query, CancellationToken ct = default) => Use().SearchIssuesAsync(query, ct);
    public Task MergePullRequestAsync(string org, string repo, int number, MergeRequest request, CancellationToken ct = default) => Use().MergePullRequestAsync(org, repo, number, request, ct);
    public Task<IReadOnlyList<Label>> GetIssueLabelsAsync(string org, string repo, int number, CancellationToken ct = default) => Use().GetIssueLabelsAsync(org, repo, number, ct);
    public Task<IReadOnlyList<Label>> GetRepoLabelsAsync(string org, string repo, CancellationToken ct = default) => Use().GetRepoLabelsAsync(org, repo, ct);
    public Task AddLabelsAsync(string org, string repo, int number, IReadOnlyList<string> labels, CancellationToken ct = default) => Use().AddLabelsAsync(org, repo, number, labels, ct);
    public Task RemoveLabelAsync(string org, string repo, int number, string label, CancellationToken ct = default) => Use().RemoveLabelAsync(org, repo, number, label, ct);
    public Task<IReadOnlyList<IssueComment>> ListIssueCommentsAsync(string org, string repo, int number, CancellationToken ct = default) => Use().ListIssueCommentsAsync(org, repo, number, ct);
    public Task<IssueComment> CreateCommentAsync(string org, string repo, int number, string body, CancellationToken ct = default) => Use().CreateCommentAsync(org, repo, number, body, ct);
    public Task EditCommentAsync(string org, string repo, long commentId, string body, CancellationToken ct = default) => Use().EditCommentAsync(org, repo, commentId, body, ct);
    public Task DeleteCommentAsync(string org, string repo, long commentId, CancellationToken ct = default) => Use().DeleteCommentAsync(org, repo, commentId, ct);
    public Task<bool> IsMemberAsync(string org, string login, CancellationToken ct = default) => Use().IsMemberAsync(org, login, ct);
    public Task<bool> IsCollaboratorAsync(string org, string repo, string login, CancellationToken ct = default) => Use().IsCollaboratorAsync(org, repo, login, ct);
    public Task<IReadOnlyList<Team>> ListTeamsAsync(string org, CancellationToken ct = default) => Use().ListTeamsAsync(org, ct);
    public Task<IReadOnlyList<User>> ListTeamMembersAsync(string org, string teamSlug, CancellationToken ct = default) => Use().ListTeamMembersAsync(org, teamSlug, ct);
    public Task CreateStatusAsync(string org, string repo, string sha, CommitStatus status, CancellationToken ct = default) => Use().CreateStatusAsync(org, repo, sha, status, ct);
    public Task<CombinedStatus> GetCombinedStatusAsync(string org, string repo, string gitRef, CancellationToken ct = default) => Use().GetCombinedStatusAsync(org, repo, gitRef, ct);
    public Task<IReadOnlyList<CheckRun>> ListCheckRunsAsync(string org, string repo, string gitRef, CancellationToken ct = default) => Use().ListCheckRunsAsync(org, repo, gitRef, ct);
    public Task<byte[]?> GetFileAsync(string org, string repo, string path, string? gitRef, CancellationToken ct = default) => Use().GetFileAsync(org, repo, path, gitRef, ct);
    public Task<string> GetRefAsync(string org, string repo, string gitRef, CancellationToken ct = default) => Use().GetRefAsync(org, repo, gitRef, ct);
}
