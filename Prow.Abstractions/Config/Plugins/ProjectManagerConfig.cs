using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Plugins;

/// <summary><c>project_manager:</c>: org or org/repo → projects → columns that matching issues and PRs are added to.</summary>
public sealed class ProjectManagerConfig
{
    [YamlMember(Alias = "orgsRepos")]
    public Dictionary<string, ManagedOrgRepo> OrgRepos { get; set; } = [];
}
