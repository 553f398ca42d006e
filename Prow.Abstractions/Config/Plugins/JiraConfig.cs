namespace Prow.Abstractions.Config.Plugins;

/// <summary><c>jira:</c>.</summary>
public sealed class JiraConfig
{
    /// <summary>Projects never linked (case-insensitive prefixes of issue keys).</summary>
    public List<string> DisabledJiraProjects { get; set; } = [];
}
