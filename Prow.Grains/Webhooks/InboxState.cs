using System.IO.Compression;
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
    /// <summary>
    /// The event as stored: with an empty <see cref="WebhookEvent.Payload"/> when <see cref="PackedPayload"/> holds it.
    /// Use <see cref="Webhook"/> for the whole event.
    /// </summary>
    [Id(0)] public required WebhookEvent Event { get; set; }

    /// <summary>Failed processing attempts so far.</summary>
    [Id(1)] public int Attempts { get; set; }

    /// <summary>When a failed entry may be retried.</summary>
    [Id(2)] public DateTimeOffset? NotBefore { get; set; }

    /// <summary>
    /// The payload as Brotli-compressed UTF-8 (quality 1: GitHub's JSON shrinks to about a fifth for a few tens of
    /// microseconds). Every accepted event is written once with the grain's state; fewer bytes written cost less CPU in
    /// serialization, SQLite and the kernel than the compression does. Null in entries of earlier versions, whose
    /// <see cref="Event"/> carries the payload itself.
    /// </summary>
    [Id(3)] public byte[]? PackedPayload { get; set; }

    /// <summary>The whole event in this activation (not persisted): the accepted one, or the stored one unpacked once.</summary>
    [NonSerialized] private WebhookEvent? _webhook;

    /// <summary>The whole event, payload included.</summary>
    public WebhookEvent Webhook => _webhook ??= PackedPayload is null ? Event : Event with { Payload = Unpack(PackedPayload) };

    /// <summary>A new entry for an accepted event, its payload packed for storage.</summary>
    public static InboxEntry For(WebhookEvent webhook) =>
        new() { Event = webhook with { Payload = "" }, PackedPayload = Pack(webhook.Payload), _webhook = webhook };

    internal static byte[] Pack(string payload)
    {
        var utf8 = Encoding.UTF8.GetBytes(payload);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(utf8.Length));
        try
        {
            if (!BrotliEncoder.TryCompress(utf8, buffer, out var written, quality: 1, window: 22))
                throw new InvalidOperationException("Brotli could not compress a webhook payload into its maximum compressed length");
            return buffer.AsSpan(0, written).ToArray();
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    internal static string Unpack(byte[] packed)
    {
        using var brotli = new BrotliStream(new MemoryStream(packed), CompressionMode.Decompress);
        using var utf8 = new MemoryStream();
        brotli.CopyTo(utf8);
        return Encoding.UTF8.GetString(utf8.GetBuffer(), 0, (int)utf8.Length);
    }
}
