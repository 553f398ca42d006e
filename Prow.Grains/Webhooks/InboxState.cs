using Prow.Abstractions.Webhooks;

namespace Prow.Grains.Webhooks;

/// <summary>The persisted part of a grain's webhook inbox.</summary>
[GenerateSerializer]
[Alias("prow.InboxState")]
public sealed class InboxState
{
    /// <summary>Accepted events not yet processed, oldest first.</summary>
    [Id(0)] public List<InboxEntry> Pending { get; set; } = [];

    /// <summary>Delivery IDs accepted recently (oldest first, bounded), so a redelivery is recognised.</summary>
    [Id(1)] public List<string> RecentDeliveries { get; set; } = [];

    /// <summary>How many events this inbox has finished (processed or given up on).</summary>
    [Id(2)] public long Completed { get; set; }

    /// <summary>
    /// <see cref="RecentDeliveries"/> as a set, so checking a delivery costs the same with a full record (not persisted:
    /// built from the list on first use). <see cref="InboxLedger"/> changes both together.
    /// </summary>
    internal HashSet<string> RecentDeliverySet => _recentDeliverySet ??= new HashSet<string>(RecentDeliveries, StringComparer.Ordinal);

    [NonSerialized] private HashSet<string>? _recentDeliverySet;
}

[GenerateSerializer]
[Alias("prow.InboxEntry")]
public sealed class InboxEntry
{
    [Id(0)] public required WebhookEvent Event { get; set; }

    /// <summary>Failed processing attempts so far.</summary>
    [Id(1)] public int Attempts { get; set; }

    /// <summary>When a failed entry may be retried.</summary>
    [Id(2)] public DateTimeOffset? NotBefore { get; set; }
}
