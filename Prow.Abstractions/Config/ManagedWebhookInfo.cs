namespace Prow.Abstractions.Config;

/// <summary>When the repo's or org's token was created.</summary>
public sealed class ManagedWebhookInfo
{
    public DateTimeOffset TokenCreatedAfter { get; set; }
}
