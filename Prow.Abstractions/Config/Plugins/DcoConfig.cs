namespace Prow.Abstractions.Config.Plugins;

/// <summary>One value of <c>dco:</c> (keyed by org, org/repo or <c>*</c>): the Developer Certificate of Origin check.</summary>
public sealed class DcoConfig
{
    /// <summary>Skip the check for members of the trusted org.</summary>
    public bool SkipDcoCheckForMembers { get; set; }

    /// <summary>GitHub apps (without the [bot] suffix) whose commits are not checked.</summary>
    public List<string> TrustedApps { get; set; } = [];

    /// <summary>The org whose members are trusted; default is the PR's org.</summary>
    public string TrustedOrg { get; set; } = "";

    /// <summary>Skip the check for repo collaborators.</summary>
    public bool SkipDcoCheckForCollaborators { get; set; }

    public string ContributingRepo { get; set; } = "";

    public string ContributingBranch { get; set; } = "";

    public string ContributingPath { get; set; } = "";
}
