namespace Prow.Abstractions.Config.Plugins;

/// <summary>A label that, when added, assigns a restricted label's allowed users.</summary>
public sealed class AssignOnLabel
{
    public string Label { get; set; } = "";
}
