namespace Prow.Abstractions.GitHub;

/// <summary>A pull request review; <see cref="State"/> is "approved", "changes_requested", "commented" or "dismissed" (any case).</summary>
public sealed class Review
{
    public long Id { get; set; }
    public User User { get; set; } = new();
    public string? Body { get; set; }
    public string State { get; set; } = "";
    public string? CommitId { get; set; }
    public string? HtmlUrl { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
}
