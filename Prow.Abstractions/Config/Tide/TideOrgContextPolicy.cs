namespace Prow.Abstractions.Config.Tide;

/// <summary>An org's context policy with per-repo overrides.</summary>
public sealed class TideOrgContextPolicy : TideContextPolicy
{
    public Dictionary<string, TideRepoContextPolicy>? Repos { get; set; }
}
