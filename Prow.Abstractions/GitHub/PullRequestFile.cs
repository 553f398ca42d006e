namespace Prow.Abstractions.GitHub;

/// <summary>One changed file of a pull request (GET /repos/{o}/{r}/pulls/{n}/files).</summary>
public sealed class PullRequestFile
{
    public string Filename { get; set; } = "";
    /// <summary>"added", "removed", "modified", "renamed", ...</summary>
    public string Status { get; set; } = "";
    public int Additions { get; set; }
    public int Deletions { get; set; }
    public int Changes { get; set; }
    public string? PreviousFilename { get; set; }
    public string? Patch { get; set; }
}
