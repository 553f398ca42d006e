namespace Prow.TestSupport.FakeGitHub;

/// <summary>An issue or, with <see cref="IsPullRequest"/>, a pull request (GitHub numbers both from one sequence).</summary>
public sealed class FakeIssue
{
    public required string Org { get; init; }
    public required string Repo { get; init; }
    public int Number { get; init; }
    public long Id { get; init; }
    public string Title { get; set; } = "";
    public string? Body { get; set; }
    /// <summary>open or closed.</summary>
    public string State { get; set; } = "open";
    public required string Author { get; init; }
    public List<string> Labels { get; } = [];
    public List<string> Assignees { get; } = [];
    public bool IsPullRequest { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    // Pull request fields
    public string HeadRef { get; set; } = "feature";
    public string HeadSha { get; set; } = "";
    public string BaseRef { get; set; } = "main";
    public string BaseSha { get; set; } = "";
    public bool Draft { get; set; }
    public bool Merged { get; set; }
    public bool? Mergeable { get; set; } = true;
    public string? MergeCommitSha { get; set; }
    /// <summary>The merge_method of the merge that merged it.</summary>
    public string? MergeMethod { get; set; }
    public List<string> RequestedReviewers { get; } = [];
    public List<FakeReview> Reviews { get; } = [];
    public List<FakePullFile> Files { get; } = [];
}
