using Microsoft.Extensions.Logging;
using Prow.Abstractions.GitHub;
using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.GitHub;

/// <summary>
/// <c>--dry-run</c>: reads go to GitHub; every write is logged with what would have been sent and
/// not sent. Writes that return something return a plausible value (a comment with a fake id).
/// </summary>
public sealed class DryRunGitHub(IGitHub inner, ILogger<DryRunGitHub> logger, TimeProvider time) : IGitHub
{
    private long _nextCommentId = 1_000_000_000;

    public Task<User> GetBotUserAsync(CancellationToken cancellationToken = default) => inner.GetBotUserAsync(cancellationToken);
    public Task<PullRequest> GetPullRequestAsync(string org, string repo, int number, CancellationToken cancellationToken = default) => inner.GetPullRequestAsync(org, repo, number, cancellationToken);
    public Task<IReadOnlyList<PullRequestFile>> GetPullRequestChangesAsync(string org, string repo, int number, CancellationToken cancellationToken = default) => inner.GetPullRequestChangesAsync(org, repo, number, cancellationToken);
    public Task<IReadOnlyList<Review>> ListReviewsAsync(string org, string repo, int number, CancellationToken cancellationToken = default) => inner.ListReviewsAsync(org, repo, number, cancellationToken);
    public Task<Issue> GetIssueAsync(string org, string repo, int number, CancellationToken cancellationToken = default) => inner.GetIssueAsync(org, repo, number, cancellationToken);
    public Task<IReadOnlyList<Issue>> SearchIssuesAsync(string query, CancellationToken cancellationToken = default) => inner.SearchIssuesAsync(query, cancellationToken);
    public Task<IReadOnlyList<Label>> GetIssueLabelsAsync(string org, string repo, int number, CancellationToken cancellationToken = default) => inner.GetIssueLabelsAsync(org, repo, number, cancellationToken);
    public Task<IReadOnlyList<Label>> GetRepoLabelsAsync(string org, string repo, CancellationToken cancellationToken = default) => inner.GetRepoLabelsAsync(org, repo, cancellationToken);
    public Task<IReadOnlyList<IssueComment>> ListIssueCommentsAsync(string org, string repo, int number, CancellationToken cancellationToken = default) => inner.ListIssueCommentsAsync(org, repo, number, cancellationToken);
    public Task<bool> IsMemberAsync(string org, string login, CancellationToken cancellationToken = default) => inner.IsMemberAsync(org, login, cancellationToken);
    public Task<bool> IsCollaboratorAsync(string org, string repo, string login, CancellationToken cancellationToken = default) => inner.IsCollaboratorAsync(org, repo, login, cancellationToken);
    public Task<IReadOnlyList<Team>> ListTeamsAsync(string org, CancellationToken cancellationToken = default) => inner.ListTeamsAsync(org, cancellationToken);
    public Task<IReadOnlyList<User>> ListTeamMembersAsync(string org, string teamSlug, CancellationToken cancellationToken = default) => inner.ListTeamMembersAsync(org, teamSlug, cancellationToken);
    public Task<CombinedStatus> GetCombinedStatusAsync(string org, string repo, string gitRef, CancellationToken cancellationToken = default) => inner.GetCombinedStatusAsync(org, repo, gitRef, cancellationToken);
    public Task<IReadOnlyList<CheckRun>> ListCheckRunsAsync(string org, string repo, string gitRef, CancellationToken cancellationToken = default) => inner.ListCheckRunsAsync(org, repo, gitRef, cancellationToken);
    public Task<byte[]?> GetFileAsync(string org, string repo, string path, string? gitRef, CancellationToken cancellationToken = default) => inner.GetFileAsync(org, repo, path, gitRef, cancellationToken);
    public Task<string> GetRefAsync(string org, string repo, string gitRef, CancellationToken cancellationToken = default) => inner.GetRefAsync(org, repo, gitRef, cancellationToken);

    public Task RequestReviewAsync(string org, string repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken = default) =>
        Skip("POST", $"/repos/{org}/{repo}/pulls/{number}/requested_reviewers", new { reviewers = logins });

    public Task SetIssueStateAsync(string org, string repo, int number, string state, CancellationToken cancellationToken = default) =>
        Skip("PATCH", $"/repos/{org}/{repo}/issues/{number}", new { state });

    public Task AssignIssueAsync(string org, string repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken = default) =>
        Skip("POST", $"/repos/{org}/{repo}/issues/{number}/assignees", new { assignees = logins });

    public Task UnassignIssueAsync(string org, string repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken = default) =>
        Skip("DELETE", $"/repos/{org}/{repo}/issues/{number}/assignees", new { assignees = logins });

    public Task MergePullRequestAsync(string org, string repo, int number, MergeRequest request, CancellationToken cancellationToken = default) =>
        Skip("PUT", $"/repos/{org}/{repo}/pulls/{number}/merge", request);

    public Task AddLabelsAsync(string org, string repo, int number, IReadOnlyList<string> labels, CancellationToken cancellationToken = default) =>
        Skip("POST", $"/repos/{org}/{repo}/issues/{number}/labels", new { labels });

    public Task RemoveLabelAsync(string org, string repo, int number, string label, CancellationToken cancellationToken = default) =>
        Skip("DELETE", $"/repos/{org}/{repo}/issues/{number}/labels/{label}", null);

    public async Task<IssueComment> CreateCommentAsync(string org, string repo, int number, string body, CancellationToken cancellationToken = default)
    {
        await Skip("POST", $"/repos/{org}/{repo}/issues/{number}/comments", new { body });
        User bot;
        try
        {
            bot = await inner.GetBotUserAsync(cancellationToken);
        }
        catch (GitHubException)
        {
            bot = new User { Login = "dry-run", Type = "Bot" };
        }
        var now = time.GetUtcNow();
        return new IssueComment { Id = Interlocked.Increment(ref _nextCommentId), Body = body, User = bot, CreatedAt = now, UpdatedAt = now };
    }

    public Task EditCommentAsync(string org, string repo, long commentId, string body, CancellationToken cancellationToken = default) =>
        Skip("PATCH", $"/repos/{org}/{repo}/issues/comments/{commentId}", new { body });

    public Task DeleteCommentAsync(string org, string repo, long commentId, CancellationToken cancellationToken = default) =>
        Skip("DELETE", $"/repos/{org}/{repo}/issues/comments/{commentId}", null);

    public Task CreateStatusAsync(string org, string repo, string sha, CommitStatus status, CancellationToken cancellationToken = default) =>
        Skip("POST", $"/repos/{org}/{repo}/statuses/{sha}", new { state = status.State, target_url = status.TargetUrl, description = status.Description, context = status.Context });

    private Task Skip(string method, string path, object? body)
    {
        logger.LogInformation("dry-run: not sending {Method} {Path} {Body}", method, path, body is null ? "" : GitHubJson.Serialize(body));
        return Task.CompletedTask;
    }
}
