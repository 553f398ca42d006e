using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>One entry of <c>invalid_commit_msg:</c>, applying to the listed orgs and repos.</summary>
public sealed class InvalidCommitMsgConfig : SourceLocated, IRepoScoped
{
    /// <summary>The check names Prow knows.</summary>
    public static readonly IReadOnlyList<string> KnownChecks = ["fixupPrefix", "issueClosingKeywords"];

    public List<string> Repos { get; set; } = [];

    public List<InvalidCommitMsgCheck> Checks { get; set; } = [];

    public bool IsCheckDisabled(string name) => Checks.FirstOrDefault(c => c.Name == name)?.Disabled ?? false;
}
