namespace Prow.TestSupport.FakeGitHub;

public sealed class FakeStatus
{
    public long Id { get; init; }
    public required string Sha { get; init; }
    public required string Context { get; init; }
    public required string State { get; init; }
    public string? Description { get; init; }
    public string? TargetUrl { get; init; }
    public string Creator { get; init; } = "prow-bot";
    public DateTimeOffset CreatedAt { get; init; }
}
