using System.Security.Cryptography;
using System.Text;

namespace Prow.Grains.Plugins.Trigger;

/// <summary>
/// Deterministic ProwJob names for webhook-started jobs: a UUID version 5 (RFC 9562, SHA-1) of the delivery
/// ID, the job's name and the SHA it tests. A redelivered webhook therefore asks for the same names, and
/// <c>IProwJobGrain.Create</c>, idempotent by name, starts nothing twice. Prow uses random UUIDs.
/// </summary>
public static class JobNames
{
    /// <summary>Our namespace for these names (a fixed random UUID).</summary>
    public static readonly Guid Namespace = new("6b1f3c2e-8d4a-4f5b-9c3e-2a7d1e0f4b6c");

    public static Guid For(string deliveryId, string jobName, string sha) =>
        UuidV5(Namespace, $"{deliveryId}\n{jobName}\n{sha}");

    public static Guid UuidV5(Guid ns, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        ns.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);
        var hash = SHA1.HashData(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
