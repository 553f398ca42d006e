namespace Prow.Abstractions.Config.Tide;

/// <summary>Global context policy with per-org overrides.</summary>
public sealed class TideContextPolicyOptions : TideContextPolicy
{
    public Dictionary<string, TideOrgContextPolicy>? Orgs { get; set; }
}
