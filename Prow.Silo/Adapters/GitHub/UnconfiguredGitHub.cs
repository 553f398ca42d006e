using Prow.Abstractions.GitHub;
using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.GitHub;

/// <summary>Registered when no credentials are configured: every call fails loudly with how to fix it.</summary>
public sealed class UnconfiguredGitHub : IGitHub
{
    public const string Message = "no GitHub credentials configured: pass --github-token-path or --github-app-id with --github-app-private-key-path";

    private static Task<T> Fail<T>(string endpoint) => Task.FromException<T>(new GitHubException(0, endpoint, Message));

    private static Task Fail(string endpoint) => Task.FromException(new GitHubException(0, endpoint, Message));

    public Task<User> GetBotUserAsync(CancellationToken cancellationToken = default) => Fail<User>("GET /user");
    public Task<PullRequest> GetPullRequestAsync(string org, string repo, int number, CancellationToken cancellationToken = default) => Fail<PullRequest>($"GET /repos/{org}/{repo}/pulls/{number}");
    public Task<IReadOnlyList<PullRequestFile>> GetPullRequestChangesAsync(string org, string repo, int number, CancellationToken cancellationToken = default) => Fail<IReadOnlyList<PullRequestFile>>($"GET /repos/{org}/{repo}/pulls/{number}/files");
    public Task<IReadOnlyList<Review>> ListReviewsAsync(string org, string repo, int number, CancellationToken cancellationToken = default) => Fail<IReadOnlyList<Review>>($"GET /repos/{org}/{repo}/pulls/{number}/reviews");
    public Task RequestReviewAsync(string org, string repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken = default) => Fail($"POST /repos/{org}/{repo}/pulls/{number}/requested_reviewers");
    public Task<Issue> GetIssueAsync(string org, string repo, int number, CancellationToken cancellationToken = default) => Fail<Issue>($"GET /repos/{org}/{repo}/issues/{number}");
    public Task SetIssueStateAsync(string org, string repo, int number, string state, CancellationToken cancellationToken = default) => Fail($"PATCH /repos/{org}/{repo}/issues/{number}");
    public Task AssignIssueAsync(string org, string repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken = default) => Fail($"POST /repos/{org}/{repo}/issues/{number}/assignees");
    public Task UnassignIssueAsync(string org, string repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken = default) => Fail($"DELETE /repos/{org}/{repo}/issues/{number}/assignees");
    public Task<IReadOnlyList<Issue>> SearchIssuesAsync(string query, CancellationToken cancellationToken = default) => Fail<IReadOnlyList<Issue>>("GET /search/issues");
    public Task MergePullRequestAsync(string org, string repo, int number, MergeRequest request, CancellationToken cancellationToken = default) => Fail($"PUT /repos/{org}/{repo}/pulls/{number}/merge");
    public Task<IReadOnlyList<Label>> GetIssueLabelsAsync(string org, string repo, int number, CancellationToken cancellationToken = default) => Fail<IReadOnlyList<Label>>($"GET /repos/{org}/{repo}/issues/{number}/labels");
    public Task<IReadOnlyList<Label>> GetRepoLabelsAsync(string org, string repo, CancellationToken cancellationToken = default) => Fail<IReadOnlyList<Label>>($"GET /repos/{org}/{repo}/labels");
    public Task AddLabelsAsync(string org, string repo, int number, IReadOnlyList<string> labels, CancellationToken cancellationToken = default) => Fail($"POST /repos/{org}/{repo}/issues/{number}/labels");
    public Task RemoveLabelAsync(string org, string repo, int number, string label, CancellationToken cancellationToken = default) => Fail($"DELETE /repos/{org}/{repo}/issues/{number}/labels/{label}");
    public Task<IReadOnlyList<IssueComment>> ListIssueCommentsAsync(string org, string repo, int number, CancellationToken cancellationToken = default) => Fail<IReadOnlyList<IssueComment>>($"GET /repos/{org}/{repo}/issues/{number}/comments");
    public Task<IssueComment> CreateCommentAsync(string org, string repo, int number, string body, CancellationToken cancellationToken = default) => Fail<IssueComment>($"POST /repos/{org}/{repo}/issues/{number}/comments");
    public Task EditCommentAsync(string org, string repo, long commentId, string body, CancellationToken cancellationToken = default) => Fail($"PATCH /repos/{org}/{repo}/issues/comments/{commentId}");
    public Task DeleteCommentAsync(string org, string repo, long commentId, CancellationToken cancellationToken = default) => Fail($"DELETE /repos/{org}/{repo}/issues/comments/{commentId}");
    public Task<bool> IsMemberAsync(string org, string login, CancellationToken cancellationToken = default) => Fail<bool>($"GET /orgs/{org}/members/{login}");
    public Task<bool> IsCollaboratorAsync(string org, string repo, string login, CancellationToken cancellationToken = default) => Fail<bool>($"GET /repos/{org}/{repo}/collaborators/{login}");
    public Task<IReadOnlyList<Team>> ListTeamsAsync(string org, CancellationToken cancellationToken = default) => Fail<IReadOnlyList<Team>>($"GET /orgs/{org}/teams");
    public Task<IReadOnlyList<User>> ListTeamMembersAsync(string org, string teamSlug, CancellationToken cancellationToken = default) => Fail<IReadOnlyList<User>>($"GET /orgs/{org}/teams/{teamSlug}/members");
    public Task CreateStatusAsync(string org, string repo, string sha, CommitStatus status, CancellationToken cancellationToken = default) => Fail($"POST /repos/{org}/{repo}/statuses/{sha}");
    public Task<CombinedStatus> GetCombinedStatusAsync(string org, string repo, string gitRef, CancellationToken cancellationToken = default) => Fail<CombinedStatus>($"GET /repos/{org}/{repo}/commits/{gitRef}/status");
    public Task<IReadOnlyList<CheckRun>> ListCheckRunsAsync(string org, string repo, string gitRef, CancellationToken cancellationToken = default) => Fail<IReadOnlyList<CheckRun>>($"GET /repos/{org}/{repo}/commits/{gitRef}/check-runs");
    public Task<byte[]?> GetFileAsync(string org, string repo, string path, string? gitRef, CancellationToken cancellationToken = default) => Fail<byte[]?>($"GET /repos/{org}/{repo}/contents/{path}");
    public Task<string> GetRefAsync(string org, string repo, string gitRef, CancellationToken cancellationToken = default) => Fail<string>($"GET /repos/{org}/{repo}/git/ref/{gitRef}");
}
