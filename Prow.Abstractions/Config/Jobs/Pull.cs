namespace Prow.Abstractions.Config.Jobs;

/// <summary>A pull request merged into <see cref="Refs"/> before testing.</summary>
public sealed class Pull
{
    public int Number { get; set; }
    public string Author { get; set; } = "";
    public string Sha { get; set; } = "";
    public string Title { get; set; } = "";
    public string Ref { get; set; } = "";
    public string HeadRef { get; set; } = "";
    public string Link { get; set; } = "";
    public string CommitLink { get; set; } = "";
    public string AuthorLink { get; set; } = "";
}
