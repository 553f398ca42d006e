using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Plugins;

/// <summary><c>override:</c>, for /override of status contexts.</summary>
public sealed class OverrideConfig
{
    /// <summary>Approvers in the top-level OWNERS file may override.</summary>
    public bool AllowTopLevelOwners { get; set; }

    /// <summary>Per org or org/repo, GitHub team slugs whose members may override.</summary>
    [YamlMember(Alias = "allowed_github_teams")]
    public Dictionary<string, List<string>> AllowedGitHubTeams { get; set; } = [];
}
