namespace Prow.TestSupport.FakeGitHub;

public sealed class FakeCheckRun
{
    public long Id { get; init; }
    public required string HeadSha { get; init; }
    public required string Name { get; init; }
    /// <summary>queued, in_progress or completed.</summary>
    public string Status { get; set; } = "completed";
    public string? Conclusion { get; set; } = "success";
    public string? DetailsUrl { get; set; }
}
