namespace Prow.Abstractions.GitHub;

/// <summary>A comment on a line of a pull request's diff.</summary>
public sealed class ReviewComment
{
    public long Id { get; set; }
    public long? PullRequestReviewId { get; set; }
    public string Body { get; set; } = "";
    public User User { get; set; } = new();
    public string? Path { get; set; }
    public string? CommitId { get; set; }
    public string? HtmlUrl { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
