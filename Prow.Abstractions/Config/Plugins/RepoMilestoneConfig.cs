using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>One value of <c>repo_milestone:</c> (keyed by org/repo, or <c>""</c> for the default): who maintains milestones.</summary>
public sealed class RepoMilestoneConfig : SourceLocated
{
    /// <summary>Deprecated: GitHub team ID; use <see cref="MaintainersTeam"/>.</summary>
    public int MaintainersId { get; set; }

    /// <summary>Slug of the team allowed to set milestones.</summary>
    public string MaintainersTeam { get; set; } = "";

    /// <summary>How the team is named in comments.</summary>
    public string MaintainersFriendlyName { get; set; } = "";
}
