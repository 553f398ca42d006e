namespace Prow.Silo.Adapters.GitHub;

/// <summary>How the GitHub client is built: endpoints, credentials and the request budget.</summary>
public sealed class GitHubClientOptions
{
    /// <summary>API base URLs, tried in order when one cannot be reached (Prow's repeatable <c>--github-endpoint</c>).</summary>
    public IReadOnlyList<string> Endpoints { get; init; } = ["https://api.github.com"];

    /// <summary>File with a personal access token; re-read when it changes.</summary>
    public string? TokenPath { get; init; }

    /// <summary>GitHub App id (with <see cref="AppPrivateKeyPath"/>): requests use the installation token of the org they touch.</summary>
    public string? AppId { get; init; }

    /// <summary>PEM file with the App's RSA private key.</summary>
    public string? AppPrivateKeyPath { get; init; }

    /// <summary>Reads go to GitHub; writes are logged and not sent.</summary>
    public bool DryRun { get; init; }

    /// <summary>How many GET responses are kept for conditional requests (least recently used are dropped).</summary>
    public int CacheSize { get; init; } = 2000;

    /// <summary>Retries after a 5xx, a timeout or a connection failure (idempotent requests only).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Time allowed for one attempt before it is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times one request waits out a rate limit (primary or secondary) before its error is returned.</summary>
    public int MaxRateLimitWaits { get; init; } = 5;

    /// <summary>Where metrics go; null means prometheus-net's default registry.</summary>
    public Prometheus.CollectorRegistry? MetricsRegistry { get; init; }

    public bool UsesApp => !string.IsNullOrEmpty(AppId) && !string.IsNullOrEmpty(AppPrivateKeyPath);

    public bool HasCredentials => UsesApp || !string.IsNullOrEmpty(TokenPath);
}
