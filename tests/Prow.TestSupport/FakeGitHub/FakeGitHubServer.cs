using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Prow.TestSupport.FakeGitHub;

/// <summary>
/// An in-process GitHub REST API on 127.0.0.1 (random port) for tests: an in-memory model seeded per test
/// (<c>AddRepo</c>, <c>AddPullRequest</c>, <c>AddMember</c>, <c>SetFile</c>...) that writes mutate, GitHub's
/// JSON shapes, ETag/304, rate-limit headers, pagination, injectable failures and a record of every request.
/// Point the client at <see cref="Endpoint"/>.
/// <code>
/// await using var fake = await FakeGitHubServer.StartAsync();          // or StartAsync(fakeTimeProvider)
/// fake.AddRepo("org", "repo");
/// fake.AddPullRequest("org", "repo", 1, author: "alice", labels: ["lgtm"]);
/// fake.AddMember("org", "bob");
/// fake.SetFile("org", "repo", "OWNERS", "approvers: [bob]");
/// // ... run the code under test with --github-endpoint fake.Endpoint ...
/// Assert.Contains("approved", fake.Issue("org", "repo", 1).Labels);  // state after the writes
/// var post = Assert.Single(fake.RequestsTo("POST", "/repos/org/repo/issues/1/labels"));
/// Assert.Equal("""{"labels":["approved"]}""", post.Body);
/// fake.FailNext("GET", "/repos/org/repo/pulls/*", count: 2, status: 502); // '*' = path prefix
/// </code>
/// </summary>
public sealed partial class FakeGitHubServer : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly FakeRouter _router = new();
    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private Uri _baseUri = new("http://127.0.0.1/");

    private FakeGitHubServer(TimeProvider time)
    {
        _time = time;
        Json = new FakeJson(UserId, () => _baseUri.AbsoluteUri);
        _rateLimitReset = time.GetUtcNow().AddHours(1);
        FakeRoutes.MapAll(_router, this);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>The API base, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash, no /api/v3).</summary>
    public string Endpoint => _baseUri.AbsoluteUri.TrimEnd('/');

    public Uri BaseUri => _baseUri;

    internal FakeJson Json { get; }

    internal DateTimeOffset Now => _time.GetUtcNow();

    public static async Task<FakeGitHubServer> StartAsync(TimeProvider? time = null)
    {
        var server = new FakeGitHubServer(time ?? TimeProvider.System);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server._baseUri = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var received = System.Diagnostics.Stopwatch.GetTimestamp();
        var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var queryAt = raw.IndexOf('?');
        var path = queryAt < 0 ? raw : raw[..queryAt];
        var query = queryAt < 0 ? "" : raw[queryAt..];
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var method = context.Request.Method;
        if (TakeStall(method, path) is { } stall)
        {
            try
            {
                await Task.Delay(stall, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up
            }
        }

        int status;
        string? payload;
        var responseHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        lock (_lock)
        {
            (status, payload) = Respond(method, path, query, body, headers, responseHeaders);
            _requests.Add(new RecordedRequest(method, path, query, body, headers, status) { ReceivedAt = received });
        }
        context.Response.StatusCode = status;
        foreach (var (name, value) in responseHeaders) context.Response.Headers[name] = value;
        if (payload is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(payload);
        }
    }

    private (int Status, string? Payload) Respond(string method, string path, string query, string body,
        Dictionary<string, string> headers, Dictionary<string, string> responseHeaders)
    {
        RefreshRateLimit();
        if (_failures.FirstOrDefault(f => f.Matches(method, path)) is { } failure)
        {
            failure.Remaining--;
            if (failure.RetryAfter is { } after) responseHeaders["Retry-After"] = ((int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            SpendRateLimit(responseHeaders, path);
            return (failure.Status, FakeResponse.Error((HttpStatusCode)failure.Status, failure.Message).Body!.ToJsonString());
        }
        if (_rateLimitRemaining <= 0)
        {
            AddRateLimitHeaders(responseHeaders, path);
            return (403, FakeResponse.Error(HttpStatusCode.Forbidden, "API rate limit exceeded for installation. (fake)").Body!.ToJsonString());
        }

        var values = ParseQuery(query);
        FakeResponse response;
        if (_router.Match(method, path) is not { } route)
        {
            response = FakeResponse.NotFound();
        }
        else
        {
            JsonNode? json = null;
            try
            {
                json = body.Length == 0 ? null : JsonNode.Parse(body);
            }
            catch (System.Text.Json.JsonException)
            {
                response = FakeResponse.Error(HttpStatusCode.BadRequest, "Problems parsing JSON");
                SpendRateLimit(responseHeaders, path);
                return (response.Status, response.Body!.ToJsonString());
            }
            headers.TryGetValue("Authorization", out var authorization);
            response = route.Handler(new FakeRequest(method, route.Values, values, json, authorization));
        }

        var responseBody = response.Body;
        if (method == "GET" && response.Status == 200 && responseBody is JsonArray list)
            responseBody = Paginate(list, path, values, responseHeaders);
        var payload = responseBody?.ToJsonString();
        if (method == "GET" && response.Status == 200 && payload is not null)
        {
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)))[..32] + "\"";
            responseHeaders["ETag"] = etag;
            if (headers.TryGetValue("If-None-Match", out var ifNoneMatch) && ifNoneMatch.Split(',').Any(t => t.Trim() == etag))
            {
                AddRateLimitHeaders(responseHeaders, path); // a 304 does not count against the rate limit
                return (304, null);
            }
        }
        SpendRateLimit(responseHeaders, path);
        return (response.Status, payload);
    }

    private JsonArray Paginate(JsonArray list, string path, Dictionary<string, string> query, Dictionary<string, string> responseHeaders)
    {
        var perPage = query.TryGetValue("per_page", out var pp) && int.TryParse(pp, out var p) ? Math.Clamp(p, 1, 100) : 30;
        var page = query.TryGetValue("page", out var pg) && int.TryParse(pg, out var n) ? Math.Max(n, 1) : 1;
        var last = Math.Max(1, (list.Count + perPage - 1) / perPage);
        var items = list.Skip((page - 1) * perPage).Take(perPage).Select(i => i?.DeepClone()).ToArray();
        if (last > 1)
        {
            string Link(int target, string rel)
            {
                var q = new Dictionary<string, string>(query) { ["page"] = target.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                return $"<{_baseUri.AbsoluteUri.TrimEnd('/')}{path}?{string.Join('&', q.Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value)}"))}>; rel=\"{rel}\"";
            }
            var links = new List<string>();
            if (page < last) links.AddRange([Link(page + 1, "next"), Link(last, "last")]);
            if (page > 1) links.AddRange([Link(1, "first"), Link(page - 1, "prev")]);
            if (links.Count > 0) responseHeaders["Link"] = string.Join(", ", links);
        }
        return new JsonArray(items);
    }

    private static Dictionary<string, string> ParseQuery(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .GroupBy(kv => Uri.UnescapeDataString(kv[0]))
            .ToDictionary(g => g.Key, g => Uri.UnescapeDataString((g.Last().ElementAtOrDefault(1) ?? "").Replace('+', ' ')), StringComparer.Ordinal);
}
