namespace Prow.Abstractions.Config.BranchProtection;

/// <summary>The branchprotector's configuration: a global policy with per-org overrides.</summary>
public sealed class BranchProtectionConfig : ProtectionPolicy
{
    /// <summary>Protect every repo that has Prow jobs, even if not listed.</summary>
    [YamlDotNet.Serialization.YamlMember(Alias = "protect-tested-repos")]
    public bool? ProtectTested { get; set; }

    public Dictionary<string, OrgProtection>? Orgs { get; set; }
    public bool? AllowDisabledPolicies { get; set; }
    public bool? AllowDisabledJobPolicies { get; set; }
    public bool? ProtectReposWithOptionalJobs { get; set; }
}
