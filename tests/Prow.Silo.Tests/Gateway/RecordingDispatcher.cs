using System.Collections.Concurrent;
using Prow.Abstractions.Webhooks;
using Prow.Grains.Plugins;

namespace Prow.Silo.Tests.Gateway;

/// <summary>Stands in for the plugin pipeline: records what grains dispatch, optionally failing.</summary>
public sealed class RecordingDispatcher : IPluginDispatcher
{
    private readonly ConcurrentQueue<WebhookEvent> _seen = new();

    /// <summary>When set, every dispatch throws (a plugin pipeline that cannot finish: the event must stay pending).</summary>
    public bool Fail { get; set; }

    /// <summary>When set, every dispatch reports an effect outside the grain (as a plugin calling GitHub does).</summary>
    public bool MarkEffects { get; set; }

    public IReadOnlyList<WebhookEvent> Seen => [.. _seen];

    public int Count(string deliveryId) => _seen.Count(e => e.DeliveryId == deliveryId);

    public Task DispatchAsync(WebhookEvent webhook, CancellationToken cancellationToken = default)
    {
        if (Fail) throw new InvalidOperationException("dispatch failed (test)");
        if (MarkEffects) Prow.Grains.Webhooks.ProcessingEffects.Mark();
        _seen.Enqueue(webhook);
        return Task.CompletedTask;
    }
}
