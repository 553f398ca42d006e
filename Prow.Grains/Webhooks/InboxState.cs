using System.Security.Cryptography;
using System.Text;
using Prow.Abstractions.Webhooks;

namespace Prow.Grains.Webhooks;

/// <summary>The persisted part of a grain's webhook inbox.</summary>
[GenerateSerializer]
[Alias("prow.InboxState")]
public sealed class InboxState
{
    /// <summary>Accepted events not yet processed, oldest first.</summary>
    [Id(0)] public List<InboxEntry> Pending { get; set; } = [];

    /// <summary>
    /// Delivery IDs as text, as states written before <see cref="RecentDeliveryKeys"/> kept them. Read so that an inbox
    /// written by an older version still recognises its redeliveries; <see cref="InboxLedger"/> moves them into
    /// <see cref="RecentDeliveryKeys"/> on the next accept.
    /// </summary>
    [Id(1)] public List<string> RecentDeliveries { get; set; } = [];

    /// <summary>How many events this inbox has finished (processed or given up on).</summary>
    [Id(2)] public long Completed { get; set; }

    /// <summary>
    /// Delivery IDs accepted recently (oldest first, bounded), so a redelivery is recognised: each as
    /// <see cref="KeyOf"/>, 16 bytes however long the ID is. The record is rewritten with every write of the grain, so
    /// a busy pull request's full record is 16 KB instead of about 40 KB of text.
    /// </summary>
    [Id(3)] public List<Guid> RecentDeliveryKeys { get; set; } = [];

    /// <summary>
    /// <see cref="RecentDeliveryKeys"/> as a set, so checking a delivery costs the same with a full record (not
    /// persisted: built on first use). <see cref="InboxLedger"/> changes both together.
    /// </summary>
    [NonSerialized] internal HashSet<Guid>? RecentDeliverySet;

    /// <summary>
    /// The key a delivery ID is remembered by: the first 128 bits of its SHA-256. Two different IDs share a key with
    /// probability 2^-128 per pair, far below any other way an event can be lost.
    /// </summary>
    public static Guid KeyOf(string deliveryId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(deliveryId), hash);
        return new Guid(hash[..16]);
    }
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
