namespace Prow.Abstractions.GitHub;

/// <summary>A repository (the <c>repository</c> object of every webhook payload).</summary>
public sealed class Repo
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string FullName { get; set; } = "";
    public User Owner { get; set; } = new();
    public bool Private { get; set; }
    public bool Fork { get; set; }
    public bool Archived { get; set; }
    public string? HtmlUrl { get; set; }
    public string? CloneUrl { get; set; }
    public string? SshUrl { get; set; }
    public string DefaultBranch { get; set; } = "";
}
