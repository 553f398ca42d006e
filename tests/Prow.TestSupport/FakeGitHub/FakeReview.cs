namespace Prow.TestSupport.FakeGitHub;

public sealed class FakeReview
{
    public long Id { get; init; }
    public required string Author { get; init; }
    /// <summary>GitHub's upper-case form: APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED.</summary>
    public string State { get; set; } = "COMMENTED";
    public string Body { get; set; } = "";
    public string? CommitId { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
}
