using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>One entry of <c>welcome:</c>, applying to the listed orgs and repos.</summary>
public sealed class WelcomeConfig : SourceLocated, IRepoScoped
{
    public List<string> Repos { get; set; } = [];

    /// <summary>Go template of the message posted on a new contributor's first PR.</summary>
    public string MessageTemplate { get; set; } = "";

    /// <summary>Post even when the author is an existing contributor or org member.</summary>
    public bool AlwaysPost { get; set; }
}
