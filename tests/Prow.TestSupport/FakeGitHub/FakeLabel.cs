namespace Prow.TestSupport.FakeGitHub;

public sealed class FakeLabel
{
    public long Id { get; init; }
    public required string Name { get; init; }
    public string Color { get; set; } = "ededed";
    public string? Description { get; set; }
}
