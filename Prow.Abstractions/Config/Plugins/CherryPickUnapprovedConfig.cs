using System.Text.RegularExpressions;
using Prow.Abstractions.Config.Yaml;
using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Plugins;

/// <summary><c>cherry_pick_unapproved:</c>.</summary>
public sealed class CherryPickUnapprovedConfig : SourceLocated
{
    public const string DefaultBranchRegexp = "^release-.*$";
    public const string DefaultComment =
        "This PR is not for the master branch but does not have the `cherry-pick-approved`  label. Adding the `do-not-merge/cherry-pick-not-approved`  label.";

    /// <summary>Branches whose PRs are cherry-picks. Defaults to <c>^release-.*$</c>.</summary>
    [YamlMember(Alias = "branchregexp")]
    public string BranchRegexp { get; set; } = "";

    /// <summary>Comment posted when the do-not-merge/cherry-pick-not-approved label is added.</summary>
    public string Comment { get; set; } = "";

    [YamlIgnore]
    public Regex? BranchRe { get; set; }
}
