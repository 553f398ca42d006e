namespace Prow.Abstractions.Config.Controllers;

/// <summary>Maps a cluster to another one to schedule on instead.</summary>
public sealed class FailoverScheduling
{
    [YamlDotNet.Serialization.YamlMember(Alias = "mappings")]
    public Dictionary<string, string>? ClusterMappings { get; set; }
}
