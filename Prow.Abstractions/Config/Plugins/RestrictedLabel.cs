using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>A label only members of the listed teams, or the listed users, may add or remove.</summary>
public sealed class RestrictedLabel : SourceLocated
{
    public string Label { get; set; } = "";

    public List<string> AllowedTeams { get; set; } = [];

    public List<string> AllowedUsers { get; set; } = [];

    /// <summary>Labels whose addition assigns the allowed users to the PR.</summary>
    public List<AssignOnLabel> AssignOn { get; set; } = [];

    /// <summary>The union of this entry and another for the same label.</summary>
    public RestrictedLabel MergedWith(RestrictedLabel other) => new()
    {
        Label = Label,
        SourceFile = SourceFile,
        SourceLine = SourceLine,
        AllowedTeams = [.. AllowedTeams.Union(other.AllowedTeams).Order(StringComparer.Ordinal)],
        AllowedUsers = [.. AllowedUsers.Union(other.AllowedUsers).Order(StringComparer.Ordinal)],
        AssignOn = [.. AssignOn.Concat(other.AssignOn).GroupBy(a => a.Label).Select(g => g.Last())],
    };
}
