namespace Prow.Abstractions.Config.Plugins;

/// <summary><c>help:</c>, for the help-wanted and good-first-issue labels.</summary>
public sealed class HelpConfig
{
    public const string DefaultGuidelinesUrl = "https://git.k8s.io/community/contributors/guide/help-wanted.md";

    /// <summary>Guidance on when to use the labels.</summary>
    public string HelpGuidelinesUrl { get; set; } = "";

    /// <summary>Summary of the guidelines, posted when the labels are added.</summary>
    public string HelpGuidelinesSummary { get; set; } = "";
}
