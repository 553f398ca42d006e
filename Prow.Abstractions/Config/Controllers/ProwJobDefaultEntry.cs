using Prow.Abstractions.Config.Jobs;

namespace Prow.Abstractions.Config.Controllers;

/// <summary>ProwJob defaults for jobs of a repo and cluster; all matching entries apply, later ones win.</summary>
public sealed class ProwJobDefaultEntry
{
    [YamlDotNet.Serialization.YamlMember(Alias = "repo")]
    public string OrgRepo { get; set; } = "";

    public string Cluster { get; set; } = "";

    public ProwJobDefault? Config { get; set; }

    public bool Matches(string orgRepo, string cluster) => RepoClusterFilter.Matches(OrgRepo, Cluster, orgRepo, cluster);
}
