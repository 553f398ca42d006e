namespace Prow.Abstractions.Config.Plugins;

/// <summary>Bugzilla options for one repo.</summary>
public sealed class BugzillaRepoOptions
{
    /// <summary>Options by branch.</summary>
    public Dictionary<string, BugzillaBranchOptions> Branches { get; set; } = [];
}
