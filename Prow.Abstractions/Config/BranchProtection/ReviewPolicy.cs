namespace Prow.Abstractions.Config.BranchProtection;

/// <summary>Required pull request reviews.</summary>
public sealed class ReviewPolicy
{
    public UsersAndTeams? DismissalRestrictions { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "dismiss_stale_reviews")]
    public bool? DismissStale { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "require_code_owner_reviews")]
    public bool? RequireOwners { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "required_approving_review_count")]
    public int? Approvals { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "bypass_pull_request_allowances")]
    public UsersAndTeams? BypassRestrictions { get; set; }
}
