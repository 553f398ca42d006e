using Prow.Abstractions.Config.Controllers;

namespace Prow.Abstractions.Config.Tide;

/// <summary>Tide for Gerrit.</summary>
public sealed class TideGerritConfig
{
    public List<GerritOrgRepoConfig>? Queries { get; set; }

    /// <summary>Defaults to 5.</summary>
    [YamlDotNet.Serialization.YamlMember(Alias = "ratelimit")]
    public int RateLimit { get; set; }
}
