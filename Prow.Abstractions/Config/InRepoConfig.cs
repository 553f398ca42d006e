namespace Prow.Abstractions.Config;

/// <summary>Jobs declared in the repository itself (.prow.yaml).</summary>
public sealed class InRepoConfig
{
    /// <summary>Enabled by "*", "org" or "org/repo"; the narrowest key wins.</summary>
    public Dictionary<string, bool?>? Enabled { get; set; }

    /// <summary>Clusters in-repo jobs may use, by "*", "org" or "org/repo"; "*" defaults to ["default"].</summary>
    public Dictionary<string, List<string>>? AllowedClusters { get; set; }
}
