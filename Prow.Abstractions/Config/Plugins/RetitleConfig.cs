namespace Prow.Abstractions.Config.Plugins;

/// <summary><c>retitle:</c>.</summary>
public sealed class RetitleConfig
{
    /// <summary>Allow /retitle on closed or merged issues and PRs.</summary>
    public bool AllowClosedIssues { get; set; }
}
