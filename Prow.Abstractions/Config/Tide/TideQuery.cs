using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Tide;

/// <summary>One GitHub search of mergeable PRs. Keys are camelCase, as in Prow.</summary>
public sealed class TideQuery : SourceLocated
{
    public string Author { get; set; } = "";
    public List<string>? Labels { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "missingLabels")]
    public List<string>? MissingLabels { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "excludedBranches")]
    public List<string>? ExcludedBranches { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "includedBranches")]
    public List<string>? IncludedBranches { get; set; }

    public string Milestone { get; set; } = "";

    [YamlDotNet.Serialization.YamlMember(Alias = "reviewApprovedRequired")]
    public bool ReviewApprovedRequired { get; set; }

    public List<string>? Orgs { get; set; }
    public List<string>? Repos { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "excludedRepos")]
    public List<string>? ExcludedRepos { get; set; }
}
