using System.Text.RegularExpressions;
using Prow.Abstractions.Config.Yaml;
using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>One entry of <c>cherry_pick_approved:</c>.</summary>
public sealed class CherryPickApprovedConfig : SourceLocated
{
    public const string DefaultBranchRegexp = "^release-.*$";

    public string Org { get; set; } = "";

    public string Repo { get; set; } = "";

    /// <summary>Branches whose PRs are cherry-picks. Defaults to <c>^release-.*$</c>.</summary>
    [YamlMember(Alias = "branchregexp")]
    public string BranchRegexp { get; set; } = "";

    /// <summary>GitHub logins allowed to approve a cherry-pick.</summary>
    public List<string> Approvers { get; set; } = [];

    public bool AllowMissingApprovedLabel { get; set; }

    [YamlMember(Alias = "allow_missing_lgtm_label")]
    public bool AllowMissingLgtmLabel { get; set; }

    [YamlIgnore]
    public Regex? BranchRe { get; set; }
}
