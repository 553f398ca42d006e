namespace Prow.Abstractions.Config;

/// <summary>How links to GitHub are built.</summary>
public sealed class GitHubOptions
{
    /// <summary>Defaults to https://github.com.</summary>
    [YamlDotNet.Serialization.YamlMember(Alias = "link_url")]
    public string LinkUrl { get; set; } = "";
}
