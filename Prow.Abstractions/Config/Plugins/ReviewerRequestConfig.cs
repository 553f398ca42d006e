using System.Text.RegularExpressions;
using Prow.Abstractions.Config.Yaml;
using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>The settings shared by the reviewer-requesting plugins, blunderbuss and rifle.</summary>
public abstract class ReviewerRequestConfig : SourceLocated
{
    public const int DefaultRequestCount = 2;

    /// <summary>Minimum number of reviewers to request; 2 when unset. Must be positive.</summary>
    [YamlMember(Alias = "request_count")]
    public int? RequestCount { get; set; }

    /// <summary>Maximum number of reviewers to request; 0 means no limit.</summary>
    [YamlMember(Alias = "max_request_count")]
    public int MaxRequestCount { get; set; }

    /// <summary>Never request reviews from approvers.</summary>
    public bool ExcludeApprovers { get; set; }

    /// <summary>Skip reviewers whose GitHub status says they are busy.</summary>
    public bool UseStatusAvailability { get; set; }

    /// <summary>Do not request reviewers on draft PRs.</summary>
    public bool IgnoreDrafts { get; set; }

    /// <summary>PR authors for whom no reviewers are requested.</summary>
    public List<string> IgnoreAuthors { get; set; } = [];

    /// <summary>Request reviews only once the tide status says the PR lacks reviews.</summary>
    public ContextMatch? WaitForStatus { get; set; }
}
