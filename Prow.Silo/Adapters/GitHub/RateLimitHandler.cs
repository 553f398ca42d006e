using System.Net;
using Microsoft.Extensions.Logging;

namespace Prow.Silo.Adapters.GitHub;

/// <summary>
/// Waits instead of failing. Before a request: when the last response for the same credential and resource
/// said <c>X-RateLimit-Remaining: 0</c>, wait until <c>X-RateLimit-Reset</c>. After a 403/429 that is a rate
/// limit (GitHub's documented rules: <c>Retry-After</c> seconds if present, else until the reset when
/// remaining is 0, else a minute for a 429 or a 403 that says "secondary rate limit"), wait and send again, at most <see cref="GitHubClientOptions.MaxRateLimitWaits"/> times.
/// </summary>
internal sealed class RateLimitHandler(RateLimitState state, GitHubMetrics metrics, GitHubClientOptions options, TimeProvider time, ILogger logger) : DelegatingHandler
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(65);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var tokenHash = RateLimitState.TokenHash(request);
        var resource = RateLimitState.ResourceOf(request);
        for (var waits = 0; ; waits++)
        {
            if (state.BlockedUntil(tokenHash, resource, time.GetUtcNow()) is { } until)
                await Wait(until - time.GetUtcNow(), "reset", request, cancellationToken);
            var attempt = waits == 0 ? request : await RequestCloner.CloneAsync(request, cancellationToken);
            var response = await base.SendAsync(attempt, cancellationToken);
            if (waits >= options.MaxRateLimitWaits || await RetryDelay(response, cancellationToken) is not { } delay) return response;
            response.Dispose();
            await Wait(delay, "retry_after", request, cancellationToken);
        }
    }

    private async Task<TimeSpan?> RetryDelay(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests)) return null;
        if (response.Headers.RetryAfter is not null) return RetryAfterHeader.Of(response, time.GetUtcNow()) ?? TimeSpan.Zero;
        if (RateLimitState.TryHeader(response, "X-RateLimit-Remaining", out var remaining) && remaining == 0
            && RateLimitState.TryHeader(response, "X-RateLimit-Reset", out var reset))
            return DateTimeOffset.FromUnixTimeSeconds(reset) - time.GetUtcNow();
        if (response.StatusCode == HttpStatusCode.TooManyRequests) return TimeSpan.FromMinutes(1);
        // A 403 may be a secondary limit without Retry-After; GitHub asks for at least a minute then. Error bodies are small.
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return body.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase) ? TimeSpan.FromMinutes(1) : null;
    }

    private async Task Wait(TimeSpan delay, string reason, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero) return;
        if (delay > MaxWait) delay = MaxWait;
        var waiting = Task.Delay(delay, time, cancellationToken); // the timer starts before the wait is announced
        metrics.Waits.WithLabels(reason).Inc();
        logger.LogWarning("GitHub rate limit ({Reason}): waiting {Delay} before {Method} {Path}", reason, delay, request.Method, request.RequestUri?.AbsolutePath);
        await waiting;
    }
}
