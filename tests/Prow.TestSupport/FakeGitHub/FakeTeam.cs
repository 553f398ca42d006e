namespace Prow.TestSupport.FakeGitHub;

public sealed class FakeTeam
{
    public long Id { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public List<string> Members { get; } = [];
}
