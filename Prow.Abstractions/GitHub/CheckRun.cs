namespace Prow.Abstractions.GitHub;

/// <summary>A check run; <see cref="Status"/> is "queued", "in_progress" or "completed", <see cref="Conclusion"/> set when completed.</summary>
public sealed class CheckRun
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string HeadSha { get; set; } = "";
    public string Status { get; set; } = "";
    public string? Conclusion { get; set; }
    public string? DetailsUrl { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
