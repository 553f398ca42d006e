using Prometheus;

namespace Prow.Silo.Adapters.GitHub;

/// <summary>
/// Prometheus metrics of the GitHub client; the names are Prow's (<c>pkg/ghmetrics</c>) where Prow has one.
/// <list type="bullet">
/// <item><c>github_requests</c> (counter; method, path, status): every request sent to GitHub, including retries and 304s (status <c>error</c> when no response came); path is the endpoint template (<see cref="EndpointTemplate"/>).</item>
/// <item><c>github_request_duration</c> (histogram, seconds; method, path, status): round-trip time of each of those requests.</item>
/// <item><c>github_token_usage</c> (gauge; token_hash, resource): <c>X-RateLimit-Remaining</c> of the last response for that token and rate-limit resource (core, search...).</item>
/// <item><c>github_token_reset</c> (gauge; token_hash, resource): time until <c>X-RateLimit-Reset</c>, in nanoseconds as Prow reports it.</item>
/// <item><c>github_cache_responses</c> (counter; outcome): conditional-request cache: <c>revalidated</c> (304 answered from the cache), <c>stored</c>, <c>uncacheable</c>.</item>
/// <item><c>github_request_waits</c> (counter; reason): waits before sending: <c>reset</c> (primary limit spent), <c>retry_after</c> (secondary limit).</item>
/// </list>
/// token_hash is a short SHA-256 prefix of the credential, never the credential.
/// </summary>
public sealed class GitHubMetrics
{
    public GitHubMetrics(CollectorRegistry? registry = null)
    {
        var factory = registry is null ? Metrics.WithCustomRegistry(Metrics.DefaultRegistry) : Metrics.WithCustomRegistry(registry);
        Requests = factory.CreateCounter("github_requests", "GitHub requests by method, endpoint template and status.", "method", "path", "status");
        Duration = factory.CreateHistogram("github_request_duration", "GitHub request duration in seconds by method, endpoint template and status.",
            new HistogramConfiguration
            {
                LabelNames = ["method", "path", "status"],
                Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
            });
        TokenUsage = factory.CreateGauge("github_token_usage", "GitHub requests remaining in the current rate-limit window.", "token_hash", "resource");
        TokenReset = factory.CreateGauge("github_token_reset", "Time until the GitHub rate-limit window resets, in nanoseconds.", "token_hash", "resource");
        CacheResponses = factory.CreateCounter("github_cache_responses", "Conditional-request cache outcomes of GitHub GETs.", "outcome");
        Waits = factory.CreateCounter("github_request_waits", "Times a GitHub request waited for a rate limit before being sent.", "reason");
    }

    public Counter Requests { get; }

    public Histogram Duration { get; }

    public Gauge TokenUsage { get; }

    public Gauge TokenReset { get; }

    public Counter CacheResponses { get; }

    public Counter Waits { get; }
}
