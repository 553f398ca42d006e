using Prow.Abstractions.GitHub.Events;

namespace Prow.Grains.Plugins;

/// <summary>A webhook of a type without its own model: only the common fields (action, repository, sender).</summary>
public sealed class OtherEventPayload : WebhookPayload;
