namespace Prow.Abstractions.GitHub;

/// <summary>The <c>head</c> or <c>base</c> of a pull request.</summary>
public sealed class PullRequestBranch
{
    public string Ref { get; set; } = "";
    public string Sha { get; set; } = "";
    public string? Label { get; set; }
    public Repo? Repo { get; set; }
    public User? User { get; set; }
}
