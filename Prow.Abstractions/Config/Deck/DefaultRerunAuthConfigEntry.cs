using Prow.Abstractions.Config.Controllers;
using Prow.Abstractions.Config.Jobs;

namespace Prow.Abstractions.Config.Deck;

/// <summary>Who may rerun the jobs of a repo and cluster.</summary>
public sealed class DefaultRerunAuthConfigEntry
{
    [YamlDotNet.Serialization.YamlMember(Alias = "repo")]
    public string OrgRepo { get; set; } = "";

    public string Cluster { get; set; } = "";

    [YamlDotNet.Serialization.YamlMember(Alias = "rerun_auth_configs")]
    public RerunAuthConfig? Config { get; set; }

    public bool Matches(string orgRepo, string cluster) => RepoClusterFilter.Matches(OrgRepo, Cluster, orgRepo, cluster);
}
