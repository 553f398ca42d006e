using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Plugins;

/// <summary><c>project_config:</c>, for the project plugin (GitHub project boards).</summary>
public sealed class ProjectConfig
{
    /// <summary>Keyed by org.</summary>
    [YamlMember(Alias = "project_org_configs")]
    public Dictionary<string, ProjectOrgConfig> Orgs { get; set; } = [];

    /// <summary>The maintainer team ID for a repo (repo setting first, then org), or -1.</summary>
    public int MaintainerTeamFor(string org, string repo)
    {
        if (!Orgs.TryGetValue(org, out var orgConfig)) return -1;
        return orgConfig.Repos.TryGetValue(repo, out var repoConfig) ? repoConfig.MaintainerTeamId : orgConfig.MaintainerTeamId;
    }

    /// <summary>The project → default column map for a repo (repo setting first, then org), or null.</summary>
    public IReadOnlyDictionary<string, string>? ColumnMapFor(string org, string repo)
    {
        if (!Orgs.TryGetValue(org, out var orgConfig)) return null;
        return orgConfig.Repos.TryGetValue(repo, out var repoConfig) ? repoConfig.ProjectColumnMap : orgConfig.ProjectColumnMap;
    }
}
