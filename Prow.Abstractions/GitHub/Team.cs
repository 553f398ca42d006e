namespace Prow.Abstractions.GitHub;

public sealed class Team
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
}
