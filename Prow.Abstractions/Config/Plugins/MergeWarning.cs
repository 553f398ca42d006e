using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>Slack channels told about manual merges to the listed repos, unless the pusher or branch is exempt.</summary>
public sealed class MergeWarning : SourceLocated, IRepoScoped
{
    public List<string> Repos { get; set; } = [];

    public List<string> Channels { get; set; } = [];

    public List<string> ExemptUsers { get; set; } = [];

    /// <summary>Per org or org/repo, branches where manual merges are not reported.</summary>
    public Dictionary<string, List<string>> ExemptBranches { get; set; } = [];
}
