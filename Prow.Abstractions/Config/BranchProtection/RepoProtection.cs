namespace Prow.Abstractions.Config.BranchProtection;

/// <summary>A repo's policy with per-branch overrides.</summary>
public sealed class RepoProtection : ProtectionPolicy
{
    public Dictionary<string, ProtectionPolicy>? Branches { get; set; }
}
