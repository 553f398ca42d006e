using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Octokit;
using Octokit.Internal;

namespace Prow.Silo.Adapters.GitHub;

/// <summary>
/// Octokit connections over one shared, budgeted handler chain (outer to inner):
/// conditional requests → rejected-token reports → rate-limit waits → retries (Polly) → endpoint fallback → metrics → sockets.
/// Each <see cref="Connection"/> is built with the exact base URI, so Octokit's <c>/api/v3/</c> rewrite
/// for non-github.com hosts never applies. With a token every request uses one connection; with a
/// GitHub App each org gets a connection whose credentials are that org's installation token.
/// </summary>
internal sealed class GitHubConnections : IDisposable
{
    private static readonly ProductHeaderValue Product = new("prow-on-orleans", typeof(GitHubConnections).Assembly.GetName().Version?.ToString() ?? "0");
    private readonly HttpClientAdapter _http;
    private readonly Uri _baseAddress;
    private readonly GitHubJsonSerializer _serializer = new();
    private readonly Connection? _tokenConnection;
    private readonly Connection? _appConnection;
    private readonly AppInstallationTokens? _installations;
    private readonly ConcurrentDictionary<string, Connection> _orgConnections = new(StringComparer.OrdinalIgnoreCase);

    public GitHubConnections(GitHubClientOptions options, TimeProvider time, GitHubMetrics metrics, ILoggerFactory loggers)
    {
        var endpoints = options.Endpoints.Select(e => new Uri(e.EndsWith('/') ? e : e + "/", UriKind.Absolute)).ToList();
        if (endpoints.Count == 0) throw new ArgumentException("at least one GitHub endpoint is needed", nameof(options));
        _baseAddress = endpoints[0];
        var basePaths = endpoints.Select(e => e.AbsolutePath).Distinct().ToList();
        var rateLimits = new RateLimitState();
        var logger = loggers.CreateLogger("Prow.GitHub");
        _http = new HttpClientAdapter(() =>
            Chain(
                new ConditionalRequestHandler(new ResponseCache(options.CacheSize), metrics),
                new RejectedCredentialHandler(token => _installations?.Forget(token)),
                new RateLimitHandler(rateLimits, metrics, options, time, logger),
                new RetryHandler(options, time),
                new EndpointFallbackHandler(endpoints),
                new MetricsHandler(metrics, rateLimits, basePaths, time),
                new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }));
        _http.SetRequestTimeout(Timeout.InfiniteTimeSpan); // rate-limit waits may be long; attempts have their own timeout

        if (options.UsesApp)
        {
            var jwt = new AppJwtFactory(options.AppId!, options.AppPrivateKeyPath!, time);
            _appConnection = Create(new DelegateCredentialStore(() => Task.FromResult(new Credentials(jwt.Current(), AuthenticationType.Bearer))));
            _installations = new AppInstallationTokens(_appConnection, time);
        }
        else if (!string.IsNullOrEmpty(options.TokenPath))
        {
            _tokenConnection = Create(new TokenFileCredentialStore(options.TokenPath));
        }
        else
        {
            throw new ArgumentException("GitHub credentials are needed: a token path or an App id and key", nameof(options));
        }
    }

    public bool UsesApp => _appConnection is not null;

    /// <summary>The connection authenticated as the App itself (JWT); null with token auth.</summary>
    public IConnection? App => _appConnection;

    /// <summary>The connection for requests about <paramref name="org"/>'s repositories.</summary>
    public IConnection ForOrg(string org)
    {
        if (_tokenConnection is not null) return _tokenConnection;
        return _orgConnections.GetOrAdd(org, o => Create(new DelegateCredentialStore(() => _installations!.CredentialsFor(o))));
    }

    public void Dispose() => _http.Dispose();

    private Connection Create(ICredentialStore credentials) => new(Product, _baseAddress, credentials, _http, _serializer);

    private static HttpMessageHandler Chain(params HttpMessageHandler[] handlers)
    {
        for (var i = handlers.Length - 2; i >= 0; i--) ((DelegatingHandler)handlers[i]).InnerHandler = handlers[i + 1];
        return handlers[0];
    }
}
