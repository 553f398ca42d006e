using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Prow.Silo.Adapters.GitHub;

/// <summary>
/// The GitHub App's JSON Web Token (RS256, issued 60 s in the past to absorb clock drift, valid 9 minutes;
/// GitHub accepts at most 10). Reused until a minute before it expires.
/// </summary>
internal sealed class AppJwtFactory
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(9);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(1);
    private readonly string _appId;
    private readonly RSA _key;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private (string Jwt, DateTimeOffset Expires)? _current;

    public AppJwtFactory(string appId, string privateKeyPath, TimeProvider time)
    {
        _appId = appId;
        _time = time;
        _key = RSA.Create();
        try
        {
            _key.ImportFromPem(File.ReadAllText(privateKeyPath));
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException or IOException)
        {
            throw new GitHubCredentialsException($"GitHub App private key {privateKeyPath}: {ex.Message}", ex);
        }
    }

    public string Current()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (_current is { } c && now < c.Expires - RenewBefore) return c.Jwt;
            var expires = now + Lifetime;
            _current = (Create(now, expires), expires);
            return _current.Value.Jwt;
        }
    }

    private string Create(DateTimeOffset now, DateTimeOffset expires)
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "RS256", ["typ"] = "JWT" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iat"] = now.AddSeconds(-60).ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["iss"] = _appId,
        }));
        var signingInput = $"{header}.{payload}";
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
