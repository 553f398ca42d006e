namespace Prow.Abstractions.GitHub;

public sealed class Label
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Color { get; set; } = "";
    public string? Description { get; set; }
}
