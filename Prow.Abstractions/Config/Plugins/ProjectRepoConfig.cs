using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>Project board settings for a repo.</summary>
public sealed class ProjectRepoConfig
{
    [YamlMember(Alias = "repo_maintainers_team_id")]
    public int MaintainerTeamId { get; set; }

    [YamlMember(Alias = "repo_default_column_map")]
    public Dictionary<string, string> ProjectColumnMap { get; set; } = [];
}
