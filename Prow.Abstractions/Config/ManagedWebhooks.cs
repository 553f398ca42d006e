using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config;

/// <summary>Repos and orgs whose webhooks use their own HMAC token.</summary>
public sealed class ManagedWebhooks : SourceLocated
{
    public bool RespectLegacyGlobalToken { get; set; }
    public bool AutoAcceptInvitation { get; set; }
    public Dictionary<string, ManagedWebhookInfo>? OrgRepoConfig { get; set; }
}
