using Prow.Abstractions.Webhooks;

namespace Prow.Grains.Plugins;

/// <summary>
/// Runs the plugins enabled for an event's repository (and forwards it to external plugins).
/// Called by the grain that owns the event, one event at a time, after the event is persisted.
/// A plugin that throws is logged with the event and delivery ID and does not stop the others;
/// the dispatcher itself throws only when the event cannot be handled at all (e.g. unparsable payload).
/// </summary>
public interface IPluginDispatcher
{
    Task DispatchAsync(WebhookEvent webhook, CancellationToken cancellationToken = default);

    /// <summary>
    /// The same with the payload already parsed (<see cref="PluginEvents.Parse"/>), so the grain that
    /// also reads it parses each delivery once.
    /// </summary>
    Task DispatchAsync(WebhookEvent webhook, Prow.Abstractions.GitHub.Events.WebhookPayload payload, CancellationToken cancellationToken = default) =>
        DispatchAsync(webhook, cancellationToken);
}
