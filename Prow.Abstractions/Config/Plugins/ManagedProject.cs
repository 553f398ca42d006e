using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>One managed project and its columns.</summary>
public sealed class ManagedProject : SourceLocated
{
    public List<ManagedColumn> Columns { get; set; } = [];
}
