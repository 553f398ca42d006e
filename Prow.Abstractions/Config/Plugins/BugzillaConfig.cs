namespace Prow.Abstractions.Config.Plugins;

/// <summary><c>bugzilla:</c> options in a defaulting hierarchy: global, org, repo, branch. <c>*</c> matches anything.</summary>
public sealed class BugzillaConfig
{
    /// <summary>Options by branch for every repo of every org.</summary>
    public Dictionary<string, BugzillaBranchOptions> Default { get; set; } = [];

    /// <summary>Options by org.</summary>
    public Dictionary<string, BugzillaOrgOptions> Orgs { get; set; } = [];
}
