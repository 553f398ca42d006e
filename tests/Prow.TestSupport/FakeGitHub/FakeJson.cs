using System.Globalization;
using System.Text.Json.Nodes;

namespace Prow.TestSupport.FakeGitHub;

/// <summary>Renders the in-memory model as GitHub's REST JSON (field names and shapes as api.github.com sends them).</summary>
internal sealed class FakeJson(Func<string, long> userId, Func<string> apiBase)
{
    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public JsonObject User(string login) => new()
    {
        ["login"] = login,
        ["id"] = userId(login),
        ["node_id"] = $"U_{userId(login)}",
        ["type"] = login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User",
        ["site_admin"] = false,
        ["url"] = $"{apiBase()}users/{login}",
        ["html_url"] = $"https://github.com/{login}",
    };

    public JsonObject Label(FakeRepo repo, FakeLabel label) => new()
    {
        ["id"] = label.Id,
        ["node_id"] = $"LA_{label.Id}",
        ["url"] = $"{apiBase()}repos/{repo.FullName}/labels/{Uri.EscapeDataString(label.Name)}",
        ["name"] = label.Name,
        ["color"] = label.Color,
        ["description"] = label.Description,
        ["default"] = false,
    };

    public JsonObject Repo(FakeRepo repo) => new()
    {
        ["id"] = repo.Id,
        ["node_id"] = $"R_{repo.Id}",
        ["name"] = repo.Name,
        ["full_name"] = repo.FullName,
        ["owner"] = User(repo.Org),
        ["private"] = repo.Private,
        ["fork"] = false,
        ["archived"] = false,
        ["html_url"] = $"https://github.com/{repo.FullName}",
        ["url"] = $"{apiBase()}repos/{repo.FullName}",
        ["clone_url"] = $"https://github.com/{repo.FullName}.git",
        ["ssh_url"] = $"git@github.com:{repo.FullName}.git",
        ["default_branch"] = repo.DefaultBranch,
    };

    public JsonObject Issue(FakeRepo repo, FakeIssue issue)
    {
        var json = new JsonObject
        {
            ["id"] = issue.Id,
            ["node_id"] = $"I_{issue.Id}",
            ["url"] = $"{apiBase()}repos/{repo.FullName}/issues/{issue.Number}",
            ["html_url"] = $"https://github.com/{repo.FullName}/{(issue.IsPullRequest ? "pull" : "issues")}/{issue.Number}",
            ["number"] = issue.Number,
            ["state"] = issue.State,
            ["title"] = issue.Title,
            ["body"] = issue.Body,
            ["user"] = User(issue.Author),
            ["labels"] = Labels(repo, issue),
            ["assignee"] = issue.Assignees.Count > 0 ? User(issue.Assignees[0]) : null,
            ["assignees"] = new JsonArray([.. issue.Assignees.Select(a => (JsonNode)User(a))]),
            ["milestone"] = null,
            ["locked"] = false,
            ["comments"] = repo.Comments.Count(c => c.IssueNumber == issue.Number),
            ["author_association"] = Association(repo, issue.Author),
            ["created_at"] = Time(issue.CreatedAt),
            ["updated_at"] = Time(issue.UpdatedAt),
            ["closed_at"] = issue.State == "closed" ? Time(issue.UpdatedAt) : null,
        };
        if (issue.IsPullRequest)
        {
            json["pull_request"] = new JsonObject
            {
                ["url"] = $"{apiBase()}repos/{repo.FullName}/pulls/{issue.Number}",
                ["html_url"] = $"https://github.com/{repo.FullName}/pull/{issue.Number}",
            };
        }
        return json;
    }

    public JsonObject PullRequest(FakeRepo repo, FakeIssue pr)
    {
        var json = Issue(repo, pr);
        json.Remove("pull_request");
        json.Remove("comments");
        json["url"] = $"{apiBase()}repos/{repo.FullName}/pulls/{pr.Number}";
        json["requested_reviewers"] = new JsonArray([.. pr.RequestedReviewers.Select(r => (JsonNode)User(r))]);
        json["head"] = Branch(repo, pr.HeadRef, pr.HeadSha, pr.Author);
        json["base"] = Branch(repo, pr.BaseRef, pr.BaseSha, repo.Org);
        json["draft"] = pr.Draft;
        json["merged"] = pr.Merged;
        json["mergeable"] = pr.Merged ? null : pr.Mergeable;
        json["mergeable_state"] = pr.Mergeable switch { true => "clean", false => "dirty", null => "unknown" };
        json["merge_commit_sha"] = pr.MergeCommitSha;
        json["merged_at"] = pr.Merged ? Time(pr.UpdatedAt) : null;
        return json;
    }

    public JsonObject Comment(FakeRepo repo, FakeComment comment) => new()
    {
        ["id"] = comment.Id,
        ["node_id"] = $"IC_{comment.Id}",
        ["url"] = $"{apiBase()}repos/{repo.FullName}/issues/comments/{comment.Id}",
        ["html_url"] = $"https://github.com/{repo.FullName}/issues/{comment.IssueNumber}#issuecomment-{comment.Id}",
        ["issue_url"] = $"{apiBase()}repos/{repo.FullName}/issues/{comment.IssueNumber}",
        ["body"] = comment.Body,
        ["user"] = User(comment.Author),
        ["author_association"] = Association(repo, comment.Author),
        ["created_at"] = Time(comment.CreatedAt),
        ["updated_at"] = Time(comment.UpdatedAt),
    };

    public JsonObject Review(FakeRepo repo, FakeIssue pr, FakeReview review) => new()
    {
        ["id"] = review.Id,
        ["node_id"] = $"PRR_{review.Id}",
        ["user"] = User(review.Author),
        ["body"] = review.Body,
        ["state"] = review.State,
        ["commit_id"] = review.CommitId ?? pr.HeadSha,
        ["html_url"] = $"https://github.com/{repo.FullName}/pull/{pr.Number}#pullrequestreview-{review.Id}",
        ["author_association"] = Association(repo, review.Author),
        ["submitted_at"] = Time(review.SubmittedAt),
    };

    public JsonObject Status(FakeStatus status) => new()
    {
        ["id"] = status.Id,
        ["node_id"] = $"SC_{status.Id}",
        ["state"] = status.State,
        ["context"] = status.Context,
        ["description"] = status.Description,
        ["target_url"] = status.TargetUrl,
        ["creator"] = User(status.Creator),
        ["created_at"] = Time(status.CreatedAt),
        ["updated_at"] = Time(status.CreatedAt),
    };

    public JsonObject CheckRun(FakeCheckRun run) => new()
    {
        ["id"] = run.Id,
        ["node_id"] = $"CR_{run.Id}",
        ["name"] = run.Name,
        ["head_sha"] = run.HeadSha,
        ["status"] = run.Status,
        ["conclusion"] = run.Conclusion,
        ["details_url"] = run.DetailsUrl,
        ["started_at"] = "2024-01-01T00:00:00Z",
        ["completed_at"] = run.Status == "completed" ? "2024-01-01T00:01:00Z" : null,
    };

    public JsonObject Team(FakeOrg org, FakeTeam team) => new()
    {
        ["id"] = team.Id,
        ["node_id"] = $"T_{team.Id}",
        ["name"] = team.Name,
        ["slug"] = team.Slug,
        ["privacy"] = "closed",
        ["permission"] = "pull",
        ["url"] = $"{apiBase()}orgs/{org.Login}/teams/{team.Slug}",
    };

    public static JsonObject PullFile(FakePullFile file) => new()
    {
        ["sha"] = "0000000000000000000000000000000000000000",
        ["filename"] = file.Filename,
        ["status"] = file.Status,
        ["additions"] = file.Additions,
        ["deletions"] = file.Deletions,
        ["changes"] = file.Additions + file.Deletions,
        ["patch"] = file.Patch,
        ["previous_filename"] = file.PreviousFilename,
    };

    public JsonArray Labels(FakeRepo repo, FakeIssue issue) =>
        new([.. issue.Labels.Select(name => (JsonNode)Label(repo, repo.Labels[name]))]);

    private JsonObject Branch(FakeRepo repo, string branch, string sha, string owner) => new()
    {
        ["label"] = $"{owner}:{branch}",
        ["ref"] = branch,
        ["sha"] = sha,
        ["user"] = User(owner),
        ["repo"] = Repo(repo),
    };

    private static string Association(FakeRepo repo, string login) =>
        string.Equals(login, repo.Org, StringComparison.OrdinalIgnoreCase) ? "OWNER"
        : repo.Collaborators.Contains(login) ? "COLLABORATOR" : "CONTRIBUTOR";
}
