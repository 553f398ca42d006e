namespace Prow.Abstractions.Config.Plugins;

/// <summary>
/// How a Bugzilla bug referenced by a PR is validated and updated. Every field is optional (null when
/// unset) because options are merged from global to branch level.
/// </summary>
public sealed class BugzillaBranchOptions
{
    public bool? ExcludeDefaults { get; set; }

    public bool? EnableBackporting { get; set; }

    public bool? ValidateByDefault { get; set; }

    public bool? IsOpen { get; set; }

    public string? TargetRelease { get; set; }

    public List<string>? Statuses { get; set; }

    public List<BugzillaBugState>? ValidStates { get; set; }

    public List<string>? DependentBugStatuses { get; set; }

    public List<BugzillaBugState>? DependentBugStates { get; set; }

    public List<string>? DependentBugTargetReleases { get; set; }

    /// <summary>Deprecated: use <see cref="DependentBugTargetReleases"/>.</summary>
    public string? DependentBugTargetRelease { get; set; }

    public string? StatusAfterValidation { get; set; }

    public BugzillaBugState? StateAfterValidation { get; set; }

    public bool? AddExternalLink { get; set; }

    public string? StatusAfterMerge { get; set; }

    public BugzillaBugState? StateAfterMerge { get; set; }

    public BugzillaBugState? StateAfterClose { get; set; }

    public List<string> AllowedGroups { get; set; } = [];
}
