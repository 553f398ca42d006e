namespace Prow.Abstractions.Config.Tide;

/// <summary>Go templates of the merge commit's title and body.</summary>
public sealed class TideMergeCommitTemplate
{
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
}
