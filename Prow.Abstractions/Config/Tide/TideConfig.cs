using Prow.Abstractions.Config.Controllers;
using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Tide;

/// <summary>Tide, the merge automation (Prow's <c>Tide</c> with its inline <c>TideGitHubConfig</c>).</summary>
public sealed class TideConfig : SourceLocated
{
    public TideGerritConfig? Gerrit { get; set; }

    /// <summary>How often pools are synced; defaults to 1m.</summary>
    public TimeSpan? SyncPeriod { get; set; }

    /// <summary>Worker count; defaults to 20.</summary>
    public int MaxGoroutines { get; set; }

    /// <summary>Batch size limit by "org/repo", "org" or "*": 0 unlimited, -1 no batches.</summary>
    [YamlDotNet.Serialization.YamlMember(Alias = "batch_size_limit")]
    public Dictionary<string, int>? BatchSizeLimitMap { get; set; }

    /// <summary>Keep testing an existing batch before starting a new one; by "org/repo", "org" or "*".</summary>
    [YamlDotNet.Serialization.YamlMember(Alias = "prioritize_existing_batches")]
    public Dictionary<string, bool>? PrioritizeExistingBatchesMap { get; set; }

    /// <summary>ignore, permit (default) or block; by "org/repo", "org" or "*".</summary>
    [YamlDotNet.Serialization.YamlMember(Alias = "github_merge_blocks_policy")]
    public Dictionary<string, string>? GitHubMergeBlocksPolicyMap { get; set; }

    /// <summary>How often status contexts are updated; defaults to sync_period.</summary>
    public TimeSpan? StatusUpdatePeriod { get; set; }

    /// <summary>Searches that together select the PRs that may merge.</summary>
    public List<TideQuery>? Queries { get; set; }

    /// <summary>merge, squash or rebase by "org/repo" or "org" (an org may map repos, a repo may map branch regexes).</summary>
    [YamlDotNet.Serialization.YamlMember(Alias = "merge_method")]
    public Dictionary<string, TideOrgMergeType>? MergeMethod { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "merge_commit_template")]
    public Dictionary<string, TideMergeCommitTemplate>? MergeCommitTemplate { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "target_url")]
    public string TargetUrl { get; set; } = "";

    [YamlDotNet.Serialization.YamlMember(Alias = "target_urls")]
    public Dictionary<string, string>? TargetUrls { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "pr_status_base_url")]
    public string PrStatusBaseUrl { get; set; } = "";

    [YamlDotNet.Serialization.YamlMember(Alias = "pr_status_base_urls")]
    public Dictionary<string, string>? PrStatusBaseUrls { get; set; }

    public string BlockerLabel { get; set; } = "";
    public string SquashLabel { get; set; } = "";
    public string RebaseLabel { get; set; } = "";
    public string MergeLabel { get; set; } = "";

    public TideContextPolicyOptions ContextOptions { get; set; } = new();

    /// <summary>Label sets whose PRs merge first, highest priority first.</summary>
    public List<TidePriority>? Priority { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "display_all_tide_queries_in_status")]
    public bool DisplayAllQueriesInStatus { get; set; }
}
