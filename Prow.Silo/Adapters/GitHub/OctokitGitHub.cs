using System.Text.Json;
using System.Text.RegularExpressions;
using Prow.Abstractions.GitHub;
using Prow.Grains.Ports;
using static Prow.Silo.Adapters.GitHub.OctokitCalls;

namespace Prow.Silo.Adapters.GitHub;

/// <summary>
/// <see cref="IGitHub"/> over Octokit's <c>Connection</c> and its HTTP pipeline (budgeted by the handlers of
/// <see cref="GitHubConnections"/>). Responses are read straight into our DTOs with <see cref="GitHubJson"/>.
/// With a GitHub App, each call uses the installation token of the org it touches.
/// </summary>
public sealed partial class OctokitGitHub : IGitHub, IDisposable
{
    private readonly GitHubConnections _connections;
    private User? _botUser;

    internal OctokitGitHub(GitHubConnections connections) => _connections = connections;

    public void Dispose() => _connections.Dispose();

    public async Task<User> GetBotUserAsync(CancellationToken cancellationToken = default)
    {
        if (_botUser is not null) return _botUser;
        if (_connections.App is { } app)
        {
            // Installation tokens cannot call GET /user; an App acts as "<slug>[bot]".
            var info = await Get<JsonElement>(app, "app", cancellationToken);
            _botUser = new User
            {
                Login = info.GetProperty("slug").GetString() + "[bot]",
                Id = info.TryGetProperty("id", out var id) ? id.GetInt64() : 0,
                Type = "Bot",
                Name = info.TryGetProperty("name", out var name) ? name.GetString() : null,
            };
        }
        else
        {
            _botUser = await Get<User>(_connections.ForOrg(""), "user", cancellationToken);
        }
        return _botUser;
    }

    public Task<PullRequest> GetPullRequestAsync(string org, string repo, int number, CancellationToken cancellationToken = default) =>
        Get<PullRequest>(_connections.ForOrg(org), $"{Repo(org, repo)}/pulls/{number}", cancellationToken);

    public Task<IReadOnlyList<PullRequestFile>> GetPullRequestChangesAsync(string org, string repo, int number, CancellationToken cancellationToken = default) =>
        GetAll<PullRequestFile>(_connections.ForOrg(org), $"{Repo(org, repo)}/pulls/{number}/files", cancellationToken);

    public Task<IReadOnlyList<Review>> ListReviewsAsync(string org, string repo, int number, CancellationToken cancellationToken = default) =>
        GetAll<Review>(_connections.ForOrg(org), $"{Repo(org, repo)}/pulls/{number}/reviews", cancellationToken);

    public Task RequestReviewAsync(string org, string repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken = default) =>
        Post<JsonElement>(_connections.ForOrg(org), $"{Repo(org, repo)}/pulls/{number}/requested_reviewers", new { reviewers = logins }, cancellationToken);

    public Task<Issue> GetIssueAsync(string org, string repo, int number, CancellationToken cancellationToken = default) =>
        Get<Issue>(_connections.ForOrg(org), $"{Repo(org, repo)}/issues/{number}", cancellationToken);

    public Task SetIssueStateAsync(string org, string repo, int number, string state, CancellationToken cancellationToken = default) =>
        Patch<JsonElement>(_connections.ForOrg(org), $"{Repo(org, repo)}/issues/{number}", new { state }, cancellationToken);

    public Task AssignIssueAsync(string org, string repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken = default) =>
        Post<JsonElement>(_connections.ForOrg(org), $"{Repo(org, repo)}/issues/{number}/assignees", new { assignees = logins }, cancellationToken);

    public Task UnassignIssueAsync(string org, string repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken = default) =>
        Delete(_connections.ForOrg(org), $"{Repo(org, repo)}/issues/{number}/assignees", new { assignees = logins }, cancellationToken);

    public async Task<IReadOnlyList<Issue>> SearchIssuesAsync(string query, CancellationToken cancellationToken = default)
    {
        var connection = _connections.UsesApp
            ? _connections.ForOrg(SearchOrg().Match(query) is { Success: true } m ? m.Groups["org"].Value
                : throw new GitHubException(0, "GET /search/issues", "with GitHub App auth a search needs an org:, user: or repo: qualifier to pick the installation"))
            : _connections.ForOrg("");
        return await GetAllPages<JsonElement, Issue>(connection, $"search/issues?q={E(query)}",
            page => page.GetProperty("items").Deserialize<List<Issue>>(GitHubJson.Options) ?? [], cancellationToken);
    }

    public Task MergePullRequestAsync(string org, string repo, int number, MergeRequest request, CancellationToken cancellationToken = default) =>
        Put<JsonElement>(_connections.ForOrg(org), $"{Repo(org, repo)}/pulls/{number}/merge",
            new { merge_method = request.MergeMethod, sha = request.Sha, commit_title = request.CommitTitle, commit_message = request.CommitMessage },
            cancellationToken);

    public Task<IReadOnlyList<Label>> GetIssueLabelsAsync(string org, string repo, int number, CancellationToken cancellationToken = default) =>
        GetAll<Label>(_connections.ForOrg(org), $"{Repo(org, repo)}/issues/{number}/labels", cancellationToken);

    public Task<IReadOnlyList<Label>> GetRepoLabelsAsync(string org, string repo, CancellationToken cancellationToken = default) =>
        GetAll<Label>(_connections.ForOrg(org), $"{Repo(org, repo)}/labels", cancellationToken);

    public Task AddLabelsAsync(string org, string repo, int number, IReadOnlyList<string> labels, CancellationToken cancellationToken = default) =>
        Post<JsonElement>(_connections.ForOrg(org), $"{Repo(org, repo)}/issues/{number}/labels", new { labels }, cancellationToken);

    public Task RemoveLabelAsync(string org, string repo, int number, string label, CancellationToken cancellationToken = default) =>
        Delete(_connections.ForOrg(org), $"{Repo(org, repo)}/issues/{number}/labels/{E(label)}", null, cancellationToken);

    public Task<IReadOnlyList<IssueComment>> ListIssueCommentsAsync(string org, string repo, int number, CancellationToken cancellationToken = default) =>
        GetAll<IssueComment>(_connections.ForOrg(org), $"{Repo(org, repo)}/issues/{number}/comments", cancellationToken);

    public Task<IssueComment> CreateCommentAsync(string org, string repo, int number, string body, CancellationToken cancellationToken = default) =>
        Post<IssueComment>(_connections.ForOrg(org), $"{Repo(org, repo)}/issues/{number}/comments", new { body }, cancellationToken);

    public Task EditCommentAsync(string org, string repo, long commentId, string body, CancellationToken cancellationToken = default) =>
        Patch<JsonElement>(_connections.ForOrg(org), $"{Repo(org, repo)}/issues/comments/{commentId}", new { body }, cancellationToken);

    public Task DeleteCommentAsync(string org, string repo, long commentId, CancellationToken cancellationToken = default) =>
        Delete(_connections.ForOrg(org), $"{Repo(org, repo)}/issues/comments/{commentId}", null, cancellationToken);

    public Task<bool> IsMemberAsync(string org, string login, CancellationToken cancellationToken = default) =>
        Check(_connections.ForOrg(org), $"orgs/{E(org)}/members/{E(login)}", cancellationToken);

    public Task<bool> IsCollaboratorAsync(string org, string repo, string login, CancellationToken cancellationToken = default) =>
        Check(_connections.ForOrg(org), $"{Repo(org, repo)}/collaborators/{E(login)}", cancellationToken);

    public Task<IReadOnlyList<Team>> ListTeamsAsync(string org, CancellationToken cancellationToken = default) =>
        GetAll<Team>(_connections.ForOrg(org), $"orgs/{E(org)}/teams", cancellationToken);

    public Task<IReadOnlyList<User>> ListTeamMembersAsync(string org, string teamSlug, CancellationToken cancellationToken = default) =>
        GetAll<User>(_connections.ForOrg(org), $"orgs/{E(org)}/teams/{E(teamSlug)}/members", cancellationToken);

    public Task CreateStatusAsync(string org, string repo, string sha, CommitStatus status, CancellationToken cancellationToken = default) =>
        Post<JsonElement>(_connections.ForOrg(org), $"{Repo(org, repo)}/statuses/{E(sha)}",
            new { state = status.State, target_url = status.TargetUrl, description = status.Description, context = status.Context },
            cancellationToken);

    public Task<CombinedStatus> GetCombinedStatusAsync(string org, string repo, string gitRef, CancellationToken cancellationToken = default) =>
        Get<CombinedStatus>(_connections.ForOrg(org), $"{Repo(org, repo)}/commits/{EscapeSegments(gitRef)}/status?per_page=100", cancellationToken);

    public Task<IReadOnlyList<CheckRun>> ListCheckRunsAsync(string org, string repo, string gitRef, CancellationToken cancellationToken = default) =>
        GetAllPages<JsonElement, CheckRun>(_connections.ForOrg(org), $"{Repo(org, repo)}/commits/{EscapeSegments(gitRef)}/check-runs",
            page => page.GetProperty("check_runs").Deserialize<List<CheckRun>>(GitHubJson.Options) ?? [], cancellationToken);

    public async Task<byte[]?> GetFileAsync(string org, string repo, string path, string? gitRef, CancellationToken cancellationToken = default)
    {
        var query = gitRef is null ? "" : $"?ref={E(gitRef)}";
        var content = await GetOrNull<JsonElement?>(_connections.ForOrg(org), $"{Repo(org, repo)}/contents/{EscapeSegments(path.TrimStart('/'))}{query}", cancellationToken);
        if (content is not { ValueKind: JsonValueKind.Object } file) return null; // missing, or a directory listing
        if (file.TryGetProperty("type", out var type) && type.GetString() != "file") return null;
        var encoding = file.TryGetProperty("encoding", out var e) ? e.GetString() : null;
        var text = file.TryGetProperty("content", out var c) ? c.GetString() ?? "" : "";
        if (encoding != "base64")
            throw new GitHubException(0, $"GET /{Repo(org, repo)}/contents/{path}", $"unsupported content encoding \"{encoding}\" (files over 1 MB are not served inline)");
        return Convert.FromBase64String(text.Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal));
    }

    public async Task<string> GetRefAsync(string org, string repo, string gitRef, CancellationToken cancellationToken = default)
    {
        var reference = await Get<JsonElement>(_connections.ForOrg(org), $"{Repo(org, repo)}/git/ref/{EscapeSegments(gitRef)}", cancellationToken);
        return reference.GetProperty("object").GetProperty("sha").GetString() ?? "";
    }

    private static string Repo(string org, string repo) => $"repos/{E(org)}/{E(repo)}";

    [GeneratedRegex(@"(?:^|\s)(?:org|user|repo):""?(?<org>[A-Za-z0-9_.-]+)")]
    private static partial Regex SearchOrg();
}
