namespace Prow.Abstractions.GitHub;

public sealed class Milestone
{
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string State { get; set; } = "";
}
