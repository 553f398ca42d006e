namespace Prow.Abstractions.Config.BranchProtection;

/// <summary>An org's policy with per-repo overrides.</summary>
public sealed class OrgProtection : ProtectionPolicy
{
    public Dictionary<string, RepoProtection>? Repos { get; set; }
}
