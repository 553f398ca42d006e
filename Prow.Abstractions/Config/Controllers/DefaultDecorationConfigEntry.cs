using Prow.Abstractions.Config.Jobs;

namespace Prow.Abstractions.Config.Controllers;

/// <summary>A default decoration config for jobs of a repo ("org", "org/repo", "*" or empty) and cluster.</summary>
public sealed class DefaultDecorationConfigEntry
{
    [YamlDotNet.Serialization.YamlMember(Alias = "repo")]
    public string OrgRepo { get; set; } = "";

    public string Cluster { get; set; } = "";

    public DecorationConfig? Config { get; set; }

    public bool Matches(string orgRepo, string cluster) => RepoClusterFilter.Matches(OrgRepo, Cluster, orgRepo, cluster);
}
