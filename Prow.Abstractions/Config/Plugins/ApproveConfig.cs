using Prow.Abstractions.Config.Yaml;
using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>One entry of <c>approve:</c>, applying to the listed orgs and repos.</summary>
public sealed class ApproveConfig : SourceLocated, IRepoScoped
{
    public const string DefaultCommandHelpLink = "https://go.k8s.io/bot-commands";
    public const string DefaultPrProcessLink = "https://git.k8s.io/community/contributors/guide/owners.md#the-code-review-process";

    /// <summary>org or org/repo entries.</summary>
    public List<string> Repos { get; set; } = [];

    /// <summary>An associated issue is required for approval.</summary>
    public bool IssueRequired { get; set; }

    /// <summary>Unset means false: the PR author, if an approver, approves implicitly.</summary>
    public bool? RequireSelfApproval { get; set; }

    /// <summary>/lgtm also approves.</summary>
    public bool LgtmActsAsApprove { get; set; }

    /// <summary>Unset means false: GitHub APPROVE / REQUEST_CHANGES reviews count as /approve and /approve cancel.</summary>
    public bool? IgnoreReviewState { get; set; }

    [YamlMember(Alias = "commandHelpLink")]
    public string CommandHelpLink { get; set; } = "";

    public string PrProcessLink { get; set; } = "";

    /// <summary>The PR author's own approval counts without an explicit /approve.</summary>
    public bool HasSelfApproval => RequireSelfApproval != true;

    /// <summary>GitHub review states are treated as approve commands.</summary>
    public bool ConsiderReviewState => IgnoreReviewState != true;
}
