using Prow.Abstractions.GitHub;
using Prow.Grains.Ports;

namespace Prow.Grains.Tests;

/// <summary>
/// An in-memory <see cref="IGitHub"/> that records what was asked of it, one readable line per call
/// (e.g. <c>AddLabels org/repo#1 do-not-merge/hold</c>), and keeps just enough state (labels, comments,
/// members, collaborators) for plugins to act on. A stand-in until the HTTP fake GitHub exists: tests assert on
/// <see cref="Calls"/>/<see cref="Writes"/> so they can move to the fake unchanged in meaning.
/// </summary>
public sealed class RecordingGitHub : IGitHub
{
    private readonly Lock _lock = new();
    private readonly List<string> _calls = [];
    private readonly Dictionary<string, List<string>> _labels = [];
    private long _nextCommentId = 1000;

    public HashSet<string> OrgMembers { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> Collaborators { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<(string Issue, string Body)> Comments { get; } = [];

    /// <summary>Canned answers by <c>org/repo#number</c> (pull requests, changed files) and <c>org/repo ref</c> (ref SHAs, combined statuses).</summary>
    public Dictionary<string, PullRequest> PullRequests { get; } = [];
    public Dictionary<string, List<string>> ChangedFiles { get; } = [];
    public Dictionary<string, string> RefShas { get; } = [];
    public Dictionary<string, CombinedStatus> CombinedStatuses { get; } = [];
    public Dictionary<string, List<IssueComment>> IssueComments { get; } = [];

    public IReadOnlyList<string> Calls { get { lock (_lock) return [.. _calls]; } }

    /// <summary>The calls that change something on GitHub.</summary>
    public IReadOnlyList<string> Writes => [.. Calls.Where(c => c.Split(' ')[0] is "AddLabels" or "RemoveLabel" or "CreateComment" or "EditComment"
        or "DeleteComment" or "SetIssueState" or "Assign" or "Unassign" or "RequestReview" or "Merge" or "CreateStatus")];

    public void SetLabels(string org, string repo, int number, params string[] labels) => _labels[$"{org}/{repo}#{number}"] = [.. labels];

    public IReadOnlyList<string> LabelsOn(string org, string repo, int number) => _labels.GetValueOrDefault($"{org}/{repo}#{number}") ?? [];

    private void Record(string call)
    {
        lock (_lock) _calls.Add(call);
    }

    private static Task<T> Done<T>(T value) => Task.FromResult(value);

    public Task<User> GetBotUserAsync(CancellationToken ct = default) { Record("GetBotUser"); return Done(new User { Login = "k8s-ci-robot", Type = "Bot" }); }
    public Task<PullRequest> GetPullRequestAsync(string org, string repo, int number, CancellationToken ct = default) { Record($"GetPullRequest {org}/{repo}#{number}"); return Done(PullRequests.GetValueOrDefault($"{org}/{repo}#{number}") ?? new PullRequest { Number = number }); }
    public Task<IReadOnlyList<PullRequestFile>> GetPullRequestChangesAsync(string org, string repo, int number, CancellationToken ct = default) { Record($"GetPullRequestChanges {org}/{repo}#{number}"); return Done<IReadOnlyList<PullRequestFile>>([.. (ChangedFiles.GetValueOrDefault($"{org}/{repo}#{number}") ?? []).Select(f => new PullRequestFile { Filename = f })]); }
    public Task<IReadOnlyList<Review>> ListReviewsAsync(string org, string repo, int number, CancellationToken ct = default) { Record($"ListReviews {org}/{repo}#{number}"); return Done<IReadOnlyList<Review>>([]); }
    public Task RequestReviewAsync(string org, string repo, int number, IReadOnlyList<string> logins, CancellationToken ct = default) { Record($"RequestReview {org}/{repo}#{number} {string.Join(",", logins)}"); return Task.CompletedTask; }
    public Task<Issue> GetIssueAsync(string org, string repo, int number, CancellationToken ct = default) { Record($"GetIssue {org}/{repo}#{number}"); return Done(new Issue { Number = number }); }
    public Task SetIssueStateAsync(string org, string repo, int number, string state, CancellationToken ct = default) { Record($"SetIssueState {org}/{repo}#{number} {state}"); return Task.CompletedTask; }
    public Task AssignIssueAsync(string org, string repo, int number, IReadOnlyList<string> logins, CancellationToken ct = default) { Record($"Assign {org}/{repo}#{number} {string.Join(",", logins)}"); return Task.CompletedTask; }
    public Task UnassignIssueAsync(string org, string repo, int number, IReadOnlyList<string> logins, CancellationToken ct = default) { Record($"Unassign {org}/{repo}#{number} {string.Join(",", logins)}"); return Task.CompletedTask; }
    public Task<IReadOnlyList<Issue>> SearchIssuesAsync(string query, CancellationToken ct = default) { Record($"SearchIssues {query}"); return Done<IReadOnlyList<Issue>>([]); }
    public Task MergePullRequestAsync(string org, string repo, int number, MergeRequest request, CancellationToken ct = default) { Record($"Merge {org}/{repo}#{number}"); return Task.CompletedTask; }

    public Task<IReadOnlyList<Label>> GetIssueLabelsAsync(string org, string repo, int number, CancellationToken ct = default)
    {
        Record($"GetIssueLabels {org}/{repo}#{number}");
        return Done<IReadOnlyList<Label>>([.. LabelsOn(org, repo, number).Select(l => new Label { Name = l })]);
    }

    public Task<IReadOnlyList<Label>> GetRepoLabelsAsync(string org, string repo, CancellationToken ct = default) { Record($"GetRepoLabels {org}/{repo}"); return Done<IReadOnlyList<Label>>([]); }

    public Task AddLabelsAsync(string org, string repo, int number, IReadOnlyList<string> labels, CancellationToken ct = default)
    {
        Record($"AddLabels {org}/{repo}#{number} {string.Join(",", labels)}");
        SetLabels(org, repo, number, [.. LabelsOn(org, repo, number).Union(labels)]);
        return Task.CompletedTask;
    }

    public Task RemoveLabelAsync(string org, string repo, int number, string label, CancellationToken ct = default)
    {
        Record($"RemoveLabel {org}/{repo}#{number} {label}");
        SetLabels(org, repo, number, [.. LabelsOn(org, repo, number).Where(l => !l.Equals(label, StringComparison.OrdinalIgnoreCase))]);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<IssueComment>> ListIssueCommentsAsync(string org, string repo, int number, CancellationToken ct = default) { Record($"ListIssueComments {org}/{repo}#{number}"); return Done<IReadOnlyList<IssueComment>>([.. IssueComments.GetValueOrDefault($"{org}/{repo}#{number}") ?? []]); }

    public Task<IssueComment> CreateCommentAsync(string org, string repo, int number, string body, CancellationToken ct = default)
    {
        Record($"CreateComment {org}/{repo}#{number}");
        lock (_lock) Comments.Add(($"{org}/{repo}#{number}", body));
        return Done(new IssueComment { Id = Interlocked.Increment(ref _nextCommentId), Body = body });
    }

    public Task EditCommentAsync(string org, string repo, long commentId, string body, CancellationToken ct = default) { Record($"EditComment {org}/{repo} {commentId}"); return Task.CompletedTask; }
    public Task DeleteCommentAsync(string org, string repo, long commentId, CancellationToken ct = default) { Record($"DeleteComment {org}/{repo} {commentId}"); return Task.CompletedTask; }
    public Task<bool> IsMemberAsync(string org, string login, CancellationToken ct = default) { Record($"IsMember {org} {login}"); return Done(OrgMembers.Contains(login)); }
    public Task<bool> IsCollaboratorAsync(string org, string repo, string login, CancellationToken ct = default) { Record($"IsCollaborator {org}/{repo} {login}"); return Done(Collaborators.Contains(login)); }
    public Task<IReadOnlyList<Team>> ListTeamsAsync(string org, CancellationToken ct = default) { Record($"ListTeams {org}"); return Done<IReadOnlyList<Team>>([]); }
    public Task<IReadOnlyList<User>> ListTeamMembersAsync(string org, string teamSlug, CancellationToken ct = default) { Record($"ListTeamMembers {org} {teamSlug}"); return Done<IReadOnlyList<User>>([]); }
    public Task CreateStatusAsync(string org, string repo, string sha, CommitStatus status, CancellationToken ct = default) { Record($"CreateStatus {org}/{repo}@{sha} {status.Context}={status.State}"); return Task.CompletedTask; }
    public Task<CombinedStatus> GetCombinedStatusAsync(string org, string repo, string gitRef, CancellationToken ct = default) { Record($"GetCombinedStatus {org}/{repo}@{gitRef}"); return Done(CombinedStatuses.GetValueOrDefault($"{org}/{repo} {gitRef}") ?? new CombinedStatus()); }
    public Task<IReadOnlyList<CheckRun>> ListCheckRunsAsync(string org, string repo, string gitRef, CancellationToken ct = default) { Record($"ListCheckRuns {org}/{repo}@{gitRef}"); return Done<IReadOnlyList<CheckRun>>([]); }
    public Task<byte[]?> GetFileAsync(string org, string repo, string path, string? gitRef, CancellationToken ct = default) { Record($"GetFile {org}/{repo}:{path}"); return Done<byte[]?>(null); }
    public Task<string> GetRefAsync(string org, string repo, string gitRef, CancellationToken ct = default) { Record($"GetRef {org}/{repo} {gitRef}"); return Done(RefShas.GetValueOrDefault($"{org}/{repo} {gitRef}") ?? ""); }
}
