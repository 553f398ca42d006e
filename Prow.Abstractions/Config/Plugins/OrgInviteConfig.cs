namespace Prow.Abstractions.Config.Plugins;

/// <summary>The org invite message shown to non-members who open a PR (<c>triggers[].org_invite</c>).</summary>
public sealed class OrgInviteConfig
{
    public ProminentOrgInviteConfig Prominent { get; set; } = new();
}
