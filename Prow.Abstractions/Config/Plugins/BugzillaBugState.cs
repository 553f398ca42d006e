namespace Prow.Abstractions.Config.Plugins;

/// <summary>A Bugzilla bug state: status and optional resolution.</summary>
public sealed class BugzillaBugState
{
    public string Status { get; set; } = "";

    public string Resolution { get; set; } = "";
}
