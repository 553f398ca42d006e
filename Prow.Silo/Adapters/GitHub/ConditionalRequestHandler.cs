using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Prow.Silo.Adapters.GitHub;

/// <summary>
/// Outermost handler. GETs are cached with their ETag (per URL, Accept and credential) and sent again with
/// <c>If-None-Match</c>; a 304 — which GitHub does not count against the rate limit — is answered with the
/// cached body as a 200, carrying the 304's fresh rate-limit headers. Also links in the caller's token from
/// <see cref="AmbientCancellation"/>.
/// </summary>
internal sealed class ConditionalRequestHandler(ResponseCache cache, GitHubMetrics metrics) : DelegatingHandler
{
    private static readonly string[] FreshHeaders = ["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "X-RateLimit-Used", "X-RateLimit-Resource", "Date"];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var ambient = AmbientCancellation.Token;
        using var linked = ambient.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, ambient) : null;
        var ct = linked?.Token ?? cancellationToken;
        if (request.Method != HttpMethod.Get) return await base.SendAsync(request, ct);

        var key = Key(request);
        var cached = cache.Get(key);
        if (cached is not null) request.Headers.TryAddWithoutValidation("If-None-Match", cached.ETag);
        var response = await base.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.NotModified && cached is not null)
        {
            metrics.CacheResponses.WithLabels("revalidated").Inc();
            var fromCache = Rebuild(cached, request);
            foreach (var name in FreshHeaders)
            {
                if (!response.Headers.TryGetValues(name, out var values)) continue;
                fromCache.Headers.Remove(name);
                fromCache.Headers.TryAddWithoutValidation(name, values);
            }
            response.Dispose();
            return fromCache;
        }
        if (response.StatusCode != HttpStatusCode.OK || response.Headers.ETag is null)
        {
            metrics.CacheResponses.WithLabels("uncacheable").Inc();
            return response;
        }
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        var entry = new CachedResponse(response.Headers.ETag.ToString(), body, [.. response.Headers], [.. response.Content.Headers]);
        cache.Set(key, entry);
        metrics.CacheResponses.WithLabels("stored").Inc();
        response.Dispose();
        return Rebuild(entry, request);
    }

    private static HttpResponseMessage Rebuild(CachedResponse cached, HttpRequestMessage request)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent(cached.Body) };
        foreach (var header in cached.Headers) response.Headers.TryAddWithoutValidation(header.Key, header.Value);
        foreach (var header in cached.ContentHeaders) response.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        return response;
    }

    private static string Key(HttpRequestMessage request)
    {
        var credential = request.Headers.Authorization?.ToString() ?? "";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(credential)));
        return $"{request.RequestUri}\n{string.Join(',', request.Headers.Accept)}\n{hash}";
    }
}
