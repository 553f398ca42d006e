namespace Prow.Abstractions.Config.Plugins;

/// <summary><c>branch_cleaner:</c>, which deletes merged PR branches.</summary>
public sealed class BranchCleanerConfig
{
    /// <summary>Per org or org/repo, branch names (or regular expressions) never deleted.</summary>
    public Dictionary<string, List<string>> PreservedBranches { get; set; } = [];
}
