using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Prow.TestSupport.FakeKubernetes;

/// <summary>
/// An in-process Kubernetes API server on 127.0.0.1 (random port) for tests: namespaced pods and custom
/// objects of any group/version/plural with list, get, create (409 AlreadyExists), delete and watch
/// (<c>?watch=true</c>: newline-delimited JSON events from a resourceVersion, ERROR 410 Gone once the
/// history was compacted), the pod log endpoint, label selectors, injectable failures, dropped watches
/// and a record of every request. The real KubernetesClient runs against it.
/// <code>
/// await using var fake = await FakeKubernetesServer.StartAsync();
/// var client = new Kubernetes(fake.ClientConfiguration());
/// // ... code under test creates pods ...
/// fake.SetPodPhase("test-pods", "job-1", "Running");               // emits a MODIFIED watch event
/// fake.FailNext("POST", "/api/v1/namespaces/test-pods/pods", 503, count: 2);
/// fake.DropWatches();                                             // clients must resume from their resourceVersion
/// fake.CompactHistory();                                          // ... and now get 410 Gone and must relist
/// </code>
/// </summary>
public sealed partial class FakeKubernetesServer : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly List<KubeRequest> _requests = [];
    private readonly List<KubeFailure> _failures = [];
    private Uri _baseUri = new("http://127.0.0.1/");

    private FakeKubernetesServer(TimeProvider time)
    {
        _time = time;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>The API server URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url => _baseUri.AbsoluteUri.TrimEnd('/');

    public static async Task<FakeKubernetesServer> StartAsync(TimeProvider? time = null)
    {
        var server = new FakeKubernetesServer(time ?? TimeProvider.System);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server._baseUri = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>A client configuration pointing at this server (plain HTTP, no credentials).</summary>
    public KubernetesClientConfiguration ClientConfiguration() => new() { Host = Url };

    /// <summary>Every request so far, in arrival order (a watch is recorded when it opens).</summary>
    public IReadOnlyList<KubeRequest> Requests
    {
        get { lock (_lock) return _requests.ToList(); }
    }

    /// <summary>Requests with <paramref name="method"/> whose path is <paramref name="path"/> ('*' at the end = prefix).</summary>
    public IReadOnlyList<KubeRequest> RequestsTo(string method, string path) =>
        Requests.Where(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)
            && (path.EndsWith('*') ? r.Path.StartsWith(path[..^1], StringComparison.Ordinal) : r.Path == path)).ToList();

    /// <summary>
    /// The next <paramref name="count"/> requests matching method (null = any) and path ('*' at the end =
    /// prefix) answer <paramref name="status"/> with a Kubernetes Status body.
    /// </summary>
    public void FailNext(string? method, string path, int status, int count = 1, string? message = null)
    {
        var reason = status switch
        {
            400 => "BadRequest", 403 => "Forbidden", 404 => "NotFound", 409 => "AlreadyExists", 410 => "Expired",
            422 => "Invalid", 429 => "TooManyRequests", 500 => "InternalError", 503 => "ServiceUnavailable", 504 => "Timeout",
            _ => "Unknown",
        };
        lock (_lock) _failures.Add(new KubeFailure(method, path, count, status, reason, message ?? $"injected failure ({status})"));
    }

    /// <summary>Forgets the failures not yet used up (e.g. an outage a test started with a large count is over).</summary>
    public void ClearFailures()
    {
        lock (_lock) _failures.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        DropWatches();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var queryAt = raw.IndexOf('?');
        var path = queryAt < 0 ? raw : raw[..queryAt];
        var query = queryAt < 0 ? "" : raw[queryAt..];
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var method = context.Request.Method;
        var values = ParseQuery(query);

        (int Status, string? Payload, string ContentType) response;
        Subscription? watch = null;
        lock (_lock)
        {
            if (_failures.FirstOrDefault(f => f.Matches(method, path)) is { } failure)
            {
                failure.Remaining--;
                response = (failure.Status, StatusJson(failure.Status, failure.Reason, failure.Message), "application/json");
            }
            else if (values.GetValueOrDefault("watch") is "true" or "1" && method == "GET")
            {
                (response, watch) = OpenWatch(path, values);
            }
            else
            {
                response = Respond(method, path, values, body);
            }
            _requests.Add(new KubeRequest(method, path, query, body, response.Status));
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        if (watch is null)
        {
            if (response.Payload is not null) await context.Response.WriteAsync(response.Payload);
            return;
        }
        await StreamWatchAsync(context, watch, values);
    }

    internal static Dictionary<string, string> ParseQuery(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .GroupBy(kv => Uri.UnescapeDataString(kv[0]))
            .ToDictionary(g => g.Key, g => Uri.UnescapeDataString((g.Last().ElementAtOrDefault(1) ?? "").Replace('+', ' ')), StringComparer.Ordinal);

    private static string StatusJson(int code, string reason, string message) => new JsonObject
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = code,
    }.ToJsonString();

    private string Now() => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses "/api/v1/namespaces/ns/pods[/name[/log]]" or "/apis/g/v/namespaces/ns/plural[/name]".</summary>
    private static (KubeResource Resource, string Ns, string? Name, string? Sub)? Route(string path)
    {
        var s = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (s.Length >= 5 && s[0] == "api" && s[2] == "namespaces" && s.Length <= 7)
            return (new KubeResource("", s[1], s[4]), s[3], s.ElementAtOrDefault(5), s.ElementAtOrDefault(6));
        if (s.Length >= 6 && s[0] == "apis" && s[3] == "namespaces" && s.Length <= 8)
            return (new KubeResource(s[1], s[2], s[5]), s[4], s.ElementAtOrDefault(6), s.ElementAtOrDefault(7));
        return null;
    }

    private (int, string?, string) Respond(string method, string path, Dictionary<string, string> query, string body)
    {
        const string json = "application/json";
        if (Route(path) is not { } route) return (404, StatusJson(404, "NotFound", $"the server could not find the requested resource {path}"), json);
        var (resource, ns, name, sub) = route;
        var what = $"{resource.Plural} \"{name}\"";
        switch (method, name, sub)
        {
            case ("GET", null, null):
                var items = new JsonArray(_objects.Values.Where(o => o.Resource == resource && o.Namespace == ns
                        && LabelSelector.Matches(query.GetValueOrDefault("labelSelector"), o.Object))
                    .OrderBy(o => o.Name, StringComparer.Ordinal).Select(o => (JsonNode)o.Object.DeepClone()).ToArray());
                return (200, new JsonObject
                {
                    ["kind"] = "List",
                    ["apiVersion"] = resource.Group.Length == 0 ? resource.Version : $"{resource.Group}/{resource.Version}",
                    ["metadata"] = new JsonObject { ["resourceVersion"] = Rv(_resourceVersion) },
                    ["items"] = items,
                }.ToJsonString(), json);
            case ("POST", null, null):
                JsonObject created;
                try
                {
                    created = JsonNode.Parse(body)?.AsObject() ?? throw new FormatException("empty body");
                }
                catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or InvalidOperationException)
                {
                    return (400, StatusJson(400, "BadRequest", $"invalid body: {ex.Message}"), json);
                }
                var metadata = created["metadata"] as JsonObject;
                var newName = metadata?["name"]?.GetValue<string>();
                if (string.IsNullOrEmpty(newName)) return (422, StatusJson(422, "Invalid", $"{resource.Plural} is invalid: metadata.name: Required value"), json);
                if (_objects.ContainsKey(Key(resource, ns, newName)))
                    return (409, StatusJson(409, "AlreadyExists", $"{resource.Plural} \"{newName}\" already exists"), json);
                return (201, Store(resource, ns, created, isNew: true).ToJsonString(), json);
            case ("GET", not null, null):
                return _objects.TryGetValue(Key(resource, ns, name), out var found)
                    ? (200, found.Object.ToJsonString(), json)
                    : (404, StatusJson(404, "NotFound", $"{what} not found"), json);
            case ("DELETE", not null, null):
                return Remove(resource, ns, name) is { } removed
                    ? (200, removed.ToJsonString(), json)
                    : (404, StatusJson(404, "NotFound", $"{what} not found"), json);
            case ("GET", not null, "log") when resource == KubeResource.Pods:
                if (!_objects.TryGetValue(Key(resource, ns, name), out var pod)) return (404, StatusJson(404, "NotFound", $"{what} not found"), json);
                var container = query.GetValueOrDefault("container");
                if (string.IsNullOrEmpty(container))
                {
                    var containers = pod.Object["spec"]?["containers"]?.AsArray() ?? [];
                    if (containers.Count != 1)
                        return (400, StatusJson(400, "BadRequest", $"a container name must be specified for pod {name}"), json);
                    container = containers[0]?["name"]?.GetValue<string>() ?? "";
                }
                return (200, _logs.GetValueOrDefault((ns, name, container)) ?? "", "text/plain");
            default:
                return (405, StatusJson(405, "MethodNotAllowed", $"{method} {path} is not supported by the fake"), json);
        }
    }
}
