using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Prow.Silo.Adapters.GitHub;

/// <summary>The last rate-limit headers seen per credential and resource (core, search, ...).</summary>
internal sealed class RateLimitState
{
    private readonly ConcurrentDictionary<(string Token, string Resource), (long Remaining, DateTimeOffset Reset)> _windows = new();

    /// <summary>When a request with this credential to this resource may be sent, or null for now.</summary>
    public DateTimeOffset? BlockedUntil(string tokenHash, string resource, DateTimeOffset now) =>
        _windows.TryGetValue((tokenHash, resource), out var w) && w.Remaining <= 0 && w.Reset > now ? w.Reset : null;

    public (long Remaining, DateTimeOffset Reset)? Observe(string tokenHash, string requestResource, HttpResponseMessage response)
    {
        if (!TryHeader(response, "X-RateLimit-Remaining", out var remaining) || !TryHeader(response, "X-RateLimit-Reset", out var reset)) return null;
        var resource = response.Headers.TryGetValues("X-RateLimit-Resource", out var r) ? r.First() : requestResource;
        var window = (remaining, DateTimeOffset.FromUnixTimeSeconds(reset));
        _windows[(tokenHash, resource)] = window;
        return window;
    }

    public static string ResourceOf(HttpRequestMessage request) =>
        request.RequestUri?.AbsolutePath.Contains("/search/", StringComparison.Ordinal) == true ? "search" : "core";

    public static string TokenHash(HttpRequestMessage request)
    {
        var credential = request.Headers.Authorization?.Parameter;
        if (string.IsNullOrEmpty(credential)) return "anonymous";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(credential)))[..12];
    }

    public static bool TryHeader(HttpResponseMessage response, string name, out long value)
    {
        value = 0;
        return response.Headers.TryGetValues(name, out var values) && long.TryParse(values.First(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
