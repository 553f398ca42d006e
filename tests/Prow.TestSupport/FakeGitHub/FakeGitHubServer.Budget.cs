using System.Globalization;
using System.Net;

namespace Prow.TestSupport.FakeGitHub;

// Recording, injected failures and the rate-limit budget.
public sealed partial class FakeGitHubServer
{
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<FakeFailure> _failures = [];
    private readonly List<FakeFailure> _stalls = [];
    private int _rateLimit = 5000;
    private int _rateLimitRemaining = 5000;
    private DateTimeOffset _rateLimitReset;

    /// <summary>Every request received so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock) return [.. _requests];
        }
    }

    /// <summary>Requests with this method whose path (no query) equals <paramref name="path"/>, or starts with it when it ends in '*'.</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string path) =>
        [.. Requests.Where(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)
            && (path.EndsWith('*') ? r.Path.StartsWith(path[..^1], StringComparison.Ordinal) : r.Path == path))];

    /// <summary>Requests other than GET/HEAD: what the client changed.</summary>
    public IReadOnlyList<RecordedRequest> Writes => [.. Requests.Where(r => r.Method is not ("GET" or "HEAD"))];

    public void ClearRequests()
    {
        lock (_lock) _requests.Clear();
    }

    /// <summary>
    /// The next <paramref name="count"/> requests to <paramref name="path"/> (exact, or a prefix ending in '*'; any
    /// method when <paramref name="method"/> is null) answer <paramref name="status"/> with GitHub's error JSON, and a
    /// <c>Retry-After</c> header when <paramref name="retryAfter"/> is given.
    /// </summary>
    public void FailNext(string? method, string path, int count, int status, TimeSpan? retryAfter = null, string? message = null)
    {
        lock (_lock)
        {
            _failures.Add(new FakeFailure(method, path, count, status, retryAfter,
                message ?? (status is 403 or 429 && retryAfter is not null ? "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." : $"fake failure {status}")));
        }
    }

    /// <summary>The next <paramref name="count"/> requests to <paramref name="path"/> wait <paramref name="delay"/> (real time, or until the client gives up) before being answered normally.</summary>
    public void StallNext(string? method, string path, int count, TimeSpan delay)
    {
        lock (_lock) _stalls.Add(new FakeFailure(method, path, count, 0, delay, "stall"));
    }

    /// <summary>Sets the primary rate-limit window: <paramref name="remaining"/> requests until <paramref name="reset"/>, then <paramref name="limit"/> again.</summary>
    public void SetRateLimit(int remaining, DateTimeOffset reset, int limit = 5000)
    {
        lock (_lock)
        {
            _rateLimit = limit;
            _rateLimitRemaining = remaining;
            _rateLimitReset = reset;
        }
    }

    private TimeSpan? TakeStall(string method, string path)
    {
        lock (_lock)
        {
            if (_stalls.FirstOrDefault(s => s.Matches(method, path)) is not { } stall) return null;
            stall.Remaining--;
            return stall.RetryAfter;
        }
    }

    private void RefreshRateLimit()
    {
        if (Now < _rateLimitReset) return;
        _rateLimitRemaining = _rateLimit;
        _rateLimitReset = Now.AddHours(1);
    }

    private void SpendRateLimit(Dictionary<string, string> headers, string path)
    {
        if (_rateLimitRemaining > 0) _rateLimitRemaining--;
        AddRateLimitHeaders(headers, path);
    }

    private void AddRateLimitHeaders(Dictionary<string, string> headers, string path)
    {
        headers["X-RateLimit-Limit"] = _rateLimit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = _rateLimitRemaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Used"] = (_rateLimit - _rateLimitRemaining).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = _rateLimitReset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Resource"] = path.StartsWith("/search/", StringComparison.Ordinal) ? "search" : "core";
    }

    internal static FakeResponse Forbidden(string message) => FakeResponse.Error(HttpStatusCode.Forbidden, message);
}
