namespace Prow.TestSupport.FakeGitHub;

public sealed class FakeComment
{
    public long Id { get; init; }
    public int IssueNumber { get; init; }
    public required string Author { get; init; }
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
