using System.Text.RegularExpressions;
using Prow.Abstractions.Config.Yaml;
using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>One entry of <c>blockades:</c>: PRs touching matching paths are labeled and blocked.</summary>
public sealed class BlockadeConfig : SourceLocated, IRepoScoped
{
    public List<string> Repos { get; set; } = [];

    /// <summary>Branches the blockade applies to; unset means every branch.</summary>
    [YamlMember(Alias = "branchregexp")]
    public string? BranchRegexp { get; set; }

    /// <summary>File paths to block.</summary>
    [YamlMember(Alias = "blockregexps")]
    public List<string> BlockRegexps { get; set; } = [];

    /// <summary>File paths that are exceptions to <see cref="BlockRegexps"/>.</summary>
    [YamlMember(Alias = "exceptionregexps")]
    public List<string> ExceptionRegexps { get; set; } = [];

    /// <summary>Included in the comment left on a blocked PR.</summary>
    public string Explanation { get; set; } = "";

    /// <summary><see cref="BranchRegexp"/> compiled at load; null when unset or invalid.</summary>
    [YamlIgnore]
    public Regex? BranchRe { get; set; }
}
