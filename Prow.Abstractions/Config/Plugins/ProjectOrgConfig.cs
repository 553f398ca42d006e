using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>Project board settings for an org; a repo's settings override them.</summary>
public sealed class ProjectOrgConfig
{
    [YamlMember(Alias = "org_maintainers_team_id")]
    public int MaintainerTeamId { get; set; }

    /// <summary>Project name → the column an issue or PR goes to when the command names none.</summary>
    [YamlMember(Alias = "org_default_column_map")]
    public Dictionary<string, string> ProjectColumnMap { get; set; } = [];

    /// <summary>Keyed by repo name (without the org).</summary>
    [YamlMember(Alias = "project_repo_configs")]
    public Dictionary<string, ProjectRepoConfig> Repos { get; set; } = [];
}
