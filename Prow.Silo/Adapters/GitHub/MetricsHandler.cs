using System.Diagnostics;

namespace Prow.Silo.Adapters.GitHub;

/// <summary>Innermost handler: counts and times every request that goes on the wire and records the rate-limit headers.</summary>
internal sealed class MetricsHandler(GitHubMetrics metrics, RateLimitState rateLimits, IReadOnlyList<string> basePaths, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = EndpointTemplate.For(request.RequestUri?.AbsolutePath ?? "/", basePaths);
        var method = request.Method.Method;
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception)
        {
            // No response: a connection failure, an attempt timeout or a cancellation.
            Record(method, path, "error", started);
            throw;
        }
        Record(method, path, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), started);
        var tokenHash = RateLimitState.TokenHash(request);
        var resource = RateLimitState.ResourceOf(request);
        if (rateLimits.Observe(tokenHash, resource, response) is { } window)
        {
            var labels = new[] { tokenHash, response.Headers.TryGetValues("X-RateLimit-Resource", out var r) ? r.First() : resource };
            metrics.TokenUsage.WithLabels(labels).Set(window.Remaining);
            metrics.TokenReset.WithLabels(labels).Set((window.Reset - time.GetUtcNow()).Ticks * 100.0);
        }
        return response;
    }

    private void Record(string method, string path, string status, long started)
    {
        metrics.Requests.WithLabels(method, path, status).Inc();
        metrics.Duration.WithLabels(method, path, status).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
    }
}
