namespace Prow.Abstractions.GitHub;

public sealed class PullRequest
{
    public long Id { get; set; }
    public int Number { get; set; }
    /// <summary>"open" or "closed".</summary>
    public string State { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Body { get; set; }
    public User User { get; set; } = new();
    public List<Label> Labels { get; set; } = [];
    public List<User> Assignees { get; set; } = [];
    public List<User> RequestedReviewers { get; set; } = [];
    public PullRequestBranch Head { get; set; } = new();
    public PullRequestBranch Base { get; set; } = new();
    public bool Draft { get; set; }
    public bool Merged { get; set; }
    /// <summary>Null while GitHub is still computing it.</summary>
    public bool? Mergeable { get; set; }
    public string? MergeableState { get; set; }
    public string? MergeCommitSha { get; set; }
    public string? HtmlUrl { get; set; }
    public Milestone? Milestone { get; set; }
    public string? AuthorAssociation { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? MergedAt { get; set; }
}
