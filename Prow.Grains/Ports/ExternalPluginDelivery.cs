using Prow.Abstractions.Webhooks;

namespace Prow.Grains.Ports;

/// <summary>One webhook to hand to one external plugin: its name (for logs), its endpoint, and the webhook as received.</summary>
public sealed record ExternalPluginDelivery(string PluginName, string Endpoint, WebhookEvent Webhook);
