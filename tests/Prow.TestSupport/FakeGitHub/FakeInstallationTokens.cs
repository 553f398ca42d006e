namespace Prow.TestSupport.FakeGitHub;

/// <summary>Installation access tokens the fake minted, with their org and expiry.</summary>
public sealed class FakeInstallationTokens
{
    private readonly Dictionary<string, (string Org, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);

    public int MintedCount { get; private set; }

    internal string Mint(string org, DateTimeOffset expires)
    {
        var token = $"ghs_fake{++MintedCount:D4}";
        _tokens[token] = (org, expires);
        return token;
    }

    internal (string Org, bool Expired)? Lookup(string? authorization, DateTimeOffset now)
    {
        if (authorization is null) return null;
        var space = authorization.IndexOf(' ');
        var token = space < 0 ? authorization : authorization[(space + 1)..];
        return _tokens.TryGetValue(token, out var t) ? (t.Org, now >= t.Expires) : null;
    }
}
