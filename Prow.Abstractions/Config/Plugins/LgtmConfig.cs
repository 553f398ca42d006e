using Prow.Abstractions.Config.Yaml;
using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>One entry of <c>lgtm:</c>, applying to the listed orgs and repos.</summary>
public sealed class LgtmConfig : SourceLocated, IRepoScoped
{
    public List<string> Repos { get; set; } = [];

    /// <summary>A GitHub "approve" / "request changes" review adds / removes the lgtm label.</summary>
    public bool ReviewActsAsLgtm { get; set; }

    /// <summary>Store the tree hash in the lgtm comment to detect squashed commits before removing lgtm.</summary>
    public bool StoreTreeHash { get; set; }

    /// <summary>Team whose members' lgtm survives new pushes. Disables a security mechanism; use with caution.</summary>
    [YamlMember(Alias = "trusted_team_for_sticky_lgtm")]
    public string StickyLgtmTeam { get; set; } = "";
}
