using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Prow.Silo.Adapters.GitHub;

/// <summary>
/// Retries 5xx answers, attempt timeouts and connection failures with jittered exponential backoff
/// (Polly). Only requests that are safe to repeat are retried: GET, HEAD, PUT (except a merge) and DELETE, and the POSTs
/// with set semantics (adding labels, assignees, reviewers; minting an installation token).
/// </summary>
internal sealed class RetryHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _retrying;
    private readonly ResiliencePipeline<HttpResponseMessage> _once;

    public RetryHandler(GitHubClientOptions options, TimeProvider time)
    {
        var timeout = new TimeoutStrategyOptions { Timeout = options.AttemptTimeout };
        _once = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }.AddTimeout(timeout).Build();
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => (int)r.StatusCode >= 500),
            });
        }
        _retrying = builder.AddTimeout(timeout).Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var pipeline = IsSafeToRepeat(request) ? _retrying : _once;
        var attempt = 0;
        return await pipeline.ExecuteAsync(async ct =>
        {
            var message = attempt++ == 0 ? request : await RequestCloner.CloneAsync(request, ct);
            return await base.SendAsync(message, ct);
        }, cancellationToken);
    }

    internal static bool IsSafeToRepeat(HttpRequestMessage request)
    {
        var method = request.Method;
        var path = request.RequestUri?.AbsolutePath ?? "";
        // A merge whose answer was lost would be answered "not mergeable" the second time: report the 5xx instead.
        if (method == HttpMethod.Put && path.EndsWith("/merge", StringComparison.Ordinal)) return false;
        if (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete) return true;
        if (method != HttpMethod.Post) return false;
        return path.EndsWith("/labels", StringComparison.Ordinal) || path.EndsWith("/assignees", StringComparison.Ordinal)
            || path.EndsWith("/requested_reviewers", StringComparison.Ordinal) || path.EndsWith("/access_tokens", StringComparison.Ordinal);
    }
}
