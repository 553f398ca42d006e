using System.Collections.Concurrent;
using System.Text.Json;
using Octokit;

namespace Prow.Silo.Adapters.GitHub;

/// <summary>
/// Installation access tokens of a GitHub App, one per org: the installation is looked up with
/// <c>GET /orgs/{org}/installation</c> (falling back to <c>/users/{org}/installation</c>), the token minted with
/// <c>POST /app/installations/{id}/access_tokens</c> and reused until five minutes before it expires.
/// </summary>
internal sealed class AppInstallationTokens(IConnection appConnection, TimeProvider time)
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, long> _installations = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<long, (string Token, DateTimeOffset Expires)> _tokens = new();
    private readonly SemaphoreSlim _mint = new(1, 1);

    public async Task<Credentials> CredentialsFor(string org)
    {
        var installation = await InstallationId(org);
        if (Fresh(installation) is { } token) return new Credentials(token);
        await _mint.WaitAsync(AmbientCancellation.Token);
        try
        {
            if (Fresh(installation) is { } again) return new Credentials(again);
            var response = await GitHubCalls.Run(
                $"POST /app/installations/{installation}/access_tokens",
                () => appConnection.Post<JsonElement>(GitHubCalls.Relative($"app/installations/{installation}/access_tokens"), new { }, null, "application/json", (IDictionary<string, string>?)null, AmbientCancellation.Token));
            var minted = response.Body.GetProperty("token").GetString() ?? throw new GitHubCredentialsException($"no token in the access_tokens response for {org}");
            var expires = response.Body.TryGetProperty("expires_at", out var e) && e.TryGetDateTimeOffset(out var at) ? at : time.GetUtcNow().AddHours(1);
            _tokens[installation] = (minted, expires);
            return new Credentials(minted);
        }
        finally
        {
            _mint.Release();
        }
    }

    /// <summary>Drops a token GitHub rejected (401) so the next request mints a new one.</summary>
    public void Forget(string token)
    {
        foreach (var (installation, cached) in _tokens)
        {
            if (cached.Token == token) _tokens.TryRemove(installation, out _);
        }
    }

    private string? Fresh(long installation) =>
        _tokens.TryGetValue(installation, out var t) && time.GetUtcNow() < t.Expires - RenewBefore ? t.Token : null;

    private async Task<long> InstallationId(string org)
    {
        if (_installations.TryGetValue(org, out var id)) return id;
        var escaped = Uri.EscapeDataString(org);
        var body = await GitHubCalls.GetOrDefault<JsonElement?>(() => appConnection.Get<JsonElement?>(GitHubCalls.Relative($"orgs/{escaped}/installation"), null, null, AmbientCancellation.Token), $"GET /orgs/{org}/installation")
            ?? await GitHubCalls.GetOrDefault<JsonElement?>(() => appConnection.Get<JsonElement?>(GitHubCalls.Relative($"users/{escaped}/installation"), null, null, AmbientCancellation.Token), $"GET /users/{org}/installation")
            ?? throw new GitHubCredentialsException($"the GitHub App is not installed on {org}");
        id = body.GetProperty("id").GetInt64();
        _installations[org] = id;
        return id;
    }
}
