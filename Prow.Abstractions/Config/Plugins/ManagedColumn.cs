using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>A project column and the conditions for adding an issue or PR to it.</summary>
public sealed class ManagedColumn : SourceLocated
{
    /// <summary>Column ID; either this or <see cref="Name"/> is required.</summary>
    public int? Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary><c>open</c>, <c>closed</c> or <c>all</c>.</summary>
    public string State { get; set; } = "";

    /// <summary>All of these labels must be on the issue or PR.</summary>
    public List<string> Labels { get; set; } = [];

    /// <summary>The org the event's repo must belong to.</summary>
    public string Org { get; set; } = "";
}
