using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.BranchProtection;

/// <summary>Branch protection settings at any level (global, org, repo, branch); unset fields inherit.</summary>
public class ProtectionPolicy : SourceLocated
{
    /// <summary>Leave the branch's protection alone.</summary>
    public bool? Unmanaged { get; set; }

    public bool? Protect { get; set; }
    public ContextPolicy? RequiredStatusChecks { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "enforce_admins")]
    public bool? Admins { get; set; }

    public Restrictions? Restrictions { get; set; }
    public bool? RequireManuallyTriggeredJobs { get; set; }
    public ReviewPolicy? RequiredPullRequestReviews { get; set; }
    public bool? RequiredLinearHistory { get; set; }
    public bool? AllowForcePushes { get; set; }
    public bool? AllowDeletions { get; set; }
    public bool? RequireSignedCommits { get; set; }

    /// <summary>Regexes of branches to leave out (exclusive with include).</summary>
    public List<string>? Exclude { get; set; }

    /// <summary>Regexes of branches to cover (exclusive with exclude).</summary>
    public List<string>? Include { get; set; }
}
