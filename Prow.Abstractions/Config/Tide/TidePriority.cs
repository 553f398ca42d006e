namespace Prow.Abstractions.Config.Tide;

/// <summary>PRs carrying all these labels are merged first.</summary>
public sealed class TidePriority
{
    public List<string>? Labels { get; set; }
}
