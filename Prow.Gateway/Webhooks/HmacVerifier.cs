using System.Security.Cryptography;

namespace Prow.Gateway.Webhooks;

/// <summary>Checks <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c> against HMAC-SHA256 of the raw body, in constant time.</summary>
public static class HmacVerifier
{
    public const string Prefix = "sha256=";

    public static bool Verify(ReadOnlySpan<byte> body, string signatureHeader, IReadOnlyList<byte[]> tokens)
    {
        if (!signatureHeader.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var hex = signatureHeader.AsSpan(Prefix.Length).Trim();
        if (hex.Length != 64) return false;
        Span<byte> expected = stackalloc byte[32];
        try
        {
            if (Convert.FromHexString(hex, expected, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32) return false;
        }
        catch (FormatException)
        {
            return false;
        }
        Span<byte> actual = stackalloc byte[32];
        var matched = false;
        foreach (var token in tokens)
        {
            HMACSHA256.HashData(token, body, actual);
            // Check every token (no early exit) so timing does not reveal which one matched.
            matched |= CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        return matched;
    }

    public static string Sign(ReadOnlySpan<byte> body, byte[] token) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(token, body));
}
