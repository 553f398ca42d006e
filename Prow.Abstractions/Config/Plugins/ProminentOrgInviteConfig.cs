namespace Prow.Abstractions.Config.Plugins;

/// <summary>The prominent invite shown to non-members with several merged PRs.</summary>
public sealed class ProminentOrgInviteConfig
{
    public const int DefaultMergedPrThreshold = 3;

    public bool Disabled { get; set; }

    /// <summary>Merged PRs after which the prominent message is shown; unset means 3 (0 is a valid setting).</summary>
    public int? MergedPrThreshold { get; set; }

    /// <summary>Message template; <c>{join_org_url}</c> is replaced.</summary>
    public string Message { get; set; } = "";

    public int EffectiveMergedPrThreshold => MergedPrThreshold ?? DefaultMergedPrThreshold;
}
