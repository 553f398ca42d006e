namespace Prow.Abstractions.Config.Tide;

/// <summary>A repo's context policy with per-branch overrides.</summary>
public sealed class TideRepoContextPolicy : TideContextPolicy
{
    public Dictionary<string, TideContextPolicy>? Branches { get; set; }
}
