using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>One entry of <c>triggers:</c>, applying to the listed orgs and repos.</summary>
public sealed class TriggerConfig : SourceLocated, IRepoScoped
{
    public List<string> Repos { get; set; } = [];

    /// <summary>GitHub apps (logins without the [bot] suffix) whose PRs are trusted.</summary>
    public List<string> TrustedApps { get; set; } = [];

    /// <summary>Deprecated: org whose members' PRs are trusted. Default is the PR's org.</summary>
    public string TrustedOrg { get; set; } = "";

    /// <summary>Where to read about joining the org. Defaults to the people page of <see cref="TrustedOrg"/> when that is set.</summary>
    public string JoinOrgUrl { get; set; } = "";

    /// <summary>Only org members (not repo collaborators) are trusted.</summary>
    public bool OnlyOrgMembers { get; set; }

    /// <summary>Ignore /ok-to-test comments.</summary>
    public bool IgnoreOkToTest { get; set; }

    /// <summary>Also trigger GitHub workflows.</summary>
    public bool TriggerGithubWorkflows { get; set; }

    public OrgInviteConfig OrgInvite { get; set; } = new();
}
