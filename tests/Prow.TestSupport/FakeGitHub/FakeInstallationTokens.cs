namespace Prow.TestSupport.FakeGitHub;

/// <summary>Installation access tokens the fake minted, with their org and expiry.</summary>
public sealed class FakeInstallationTokens
{
    private readonly Dictionary<string, (string Org, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);

    public int MintedCount { get; private set; }

    internal string Mint(string org, DateTimeOffset expires)
    {
        lock (_tokens)
        {
            var token = $"ghs_fake{++MintedCount:D4}";
            _tokens[token] = (org, expires);
            return token;
        }
    }

    /// <summary>Revokes every token minted so far: they answer 401 "Bad credentials" from now on.</summary>
    public void RevokeAll()
    {
        lock (_tokens)
        {
            foreach (var token in _tokens.Keys.ToList()) _tokens[token] = (_tokens[token].Org, DateTimeOffset.MinValue);
        }
    }

    internal (string Org, bool Expired)? Lookup(string? authorization, DateTimeOffset now)
    {
        if (authorization is null) return null;
        var space = authorization.IndexOf(' ');
        var token = space < 0 ? authorization : authorization[(space + 1)..];
        lock (_tokens) return _tokens.TryGetValue(token, out var t) ? (t.Org, now >= t.Expires) : null;
    }
}
