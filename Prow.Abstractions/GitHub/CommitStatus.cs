namespace Prow.Abstractions.GitHub;

/// <summary>A commit status; <see cref="State"/> is "pending", "success", "failure" or "error".</summary>
public sealed class CommitStatus
{
    public string State { get; set; } = "";
    public string Context { get; set; } = "";
    public string? Description { get; set; }
    public string? TargetUrl { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}
