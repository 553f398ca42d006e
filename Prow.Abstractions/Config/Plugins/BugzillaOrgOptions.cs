namespace Prow.Abstractions.Config.Plugins;

/// <summary>Bugzilla options for one org.</summary>
public sealed class BugzillaOrgOptions
{
    /// <summary>Options by branch for every repo of the org.</summary>
    public Dictionary<string, BugzillaBranchOptions> Default { get; set; } = [];

    /// <summary>Options by repo.</summary>
    public Dictionary<string, BugzillaRepoOptions> Repos { get; set; } = [];
}
