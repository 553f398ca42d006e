using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>The managed projects of one org or repo.</summary>
public sealed class ManagedOrgRepo : SourceLocated
{
    /// <summary>Keyed by project name.</summary>
    public Dictionary<string, ManagedProject> Projects { get; set; } = [];
}
