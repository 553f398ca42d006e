using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>Turns one invalid_commit_msg check on or off.</summary>
public sealed class InvalidCommitMsgCheck : SourceLocated
{
    /// <summary>e.g. <c>fixupPrefix</c>, <c>issueClosingKeywords</c>.</summary>
    public string Name { get; set; } = "";

    public bool Disabled { get; set; }
}
