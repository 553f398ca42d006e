using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Prow.TestSupport.FakeGitHub;

/// <summary>GitHub App endpoints: GET /app, installation lookups and token minting, authenticated with the App's JWT.</summary>
internal static class FakeAppRoutes
{
    public static void Map(FakeRouter router, FakeGitHubServer server)
    {
        router.Map("GET", "/app", r => WithJwt(server, r, () =>
            FakeResponse.Ok(new JsonObject { ["id"] = server.App.Id, ["slug"] = server.App.Slug, ["name"] = server.App.Slug, ["owner"] = server.Json.User("app-owner") })));

        router.Map("GET", "/orgs/{org}/installation", r => WithJwt(server, r, () =>
            server.FindOrg(r["org"]) is { InstallationId: { } id, IsUser: false } org ? FakeResponse.Ok(Installation(server, org, id)) : FakeResponse.NotFound()));

        router.Map("GET", "/users/{username}/installation", r => WithJwt(server, r, () =>
            server.FindOrg(r["username"]) is { InstallationId: { } id } org ? FakeResponse.Ok(Installation(server, org, id)) : FakeResponse.NotFound()));

        router.Map("POST", "/app/installations/{installation_id}/access_tokens", r => WithJwt(server, r, () =>
        {
            var org = server.AllOrgs().FirstOrDefault(o => o.InstallationId?.ToString(CultureInfo.InvariantCulture) == r["installation_id"]);
            if (org is null) return FakeResponse.NotFound();
            var expires = server.Now + server.InstallationTokenLifetime;
            return FakeResponse.Created(new JsonObject
            {
                ["token"] = server.InstallationTokens.Mint(org.Login, expires),
                ["expires_at"] = FakeJson.Time(expires),
                ["permissions"] = new JsonObject { ["issues"] = "write", ["pull_requests"] = "write", ["statuses"] = "write", ["contents"] = "read" },
                ["repository_selection"] = "all",
            });
        }));
    }

    private static JsonObject Installation(FakeGitHubServer server, FakeOrg org, long id) => new()
    {
        ["id"] = id,
        ["app_id"] = server.App.Id,
        ["app_slug"] = server.App.Slug,
        ["target_type"] = org.IsUser ? "User" : "Organization",
        ["account"] = server.Json.User(org.Login),
    };

    private static FakeResponse WithJwt(FakeGitHubServer server, FakeRequest request, Func<FakeResponse> handler)
    {
        var auth = request.Authorization ?? "";
        if (!auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return FakeResponse.Error(HttpStatusCode.Unauthorized, "A JSON web token could not be decoded");
        if (server.AppPublicKey is { } key && !Valid(auth["Bearer ".Length..], key, server))
            return FakeResponse.Error(HttpStatusCode.Unauthorized, "'Expiration time' claim ('exp') or signature is invalid");
        return handler();
    }

    private static bool Valid(string jwt, RSA key, FakeGitHubServer server)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3) return false;
        if (!key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)) return false;
        var payload = JsonNode.Parse(FromBase64Url(parts[1]))!;
        var issuer = payload["iss"]?.ToString();
        var expires = payload["exp"]?.GetValue<long>() ?? 0;
        return issuer == server.App.Id.ToString(CultureInfo.InvariantCulture) && server.Now.ToUnixTimeSeconds() < expires;
    }

    private static byte[] FromBase64Url(string value)
    {
        var s = value.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s + new string('=', (4 - (s.Length % 4)) % 4));
    }
}
