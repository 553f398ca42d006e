using System.Net;
using Octokit;
using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.GitHub;

/// <summary>The request shapes <see cref="OctokitGitHub"/> uses, over an Octokit <see cref="IConnection"/>: single GETs, paged GETs, writes, yes/no checks.</summary>
internal static class OctokitCalls
{
    private const int MaxPages = 1000;

    public static async Task<T> Get<T>(IConnection connection, string path, CancellationToken ct)
    {
        using var _ = AmbientCancellation.Use(ct);
        var response = await GitHubCalls.Run("GET /" + PathOnly(path), () => connection.Get<T>(GitHubCalls.Relative(path), null, null, ct));
        return response.Body ?? throw new GitHubException(response.HttpResponse.StatusCode, "GET /" + PathOnly(path), "empty response body");
    }

    /// <summary>The body, or default when GitHub answers 404.</summary>
    public static async Task<T?> GetOrNull<T>(IConnection connection, string path, CancellationToken ct)
    {
        using var _ = AmbientCancellation.Use(ct);
        return await GitHubCalls.GetOrDefault(() => connection.Get<T>(GitHubCalls.Relative(path), null, null, ct), "GET /" + PathOnly(path));
    }

    /// <summary>Every page (100 items each), following the <c>Link: rel="next"</c> header.</summary>
    public static async Task<IReadOnlyList<T>> GetAll<T>(IConnection connection, string path, CancellationToken ct) =>
        await GetAllPages<List<T>, T>(connection, path, page => page, ct);

    public static async Task<IReadOnlyList<TItem>> GetAllPages<TPage, TItem>(IConnection connection, string path, Func<TPage, IEnumerable<TItem>> items, CancellationToken ct)
    {
        using var _ = AmbientCancellation.Use(ct);
        var endpoint = "GET /" + PathOnly(path);
        var all = new List<TItem>();
        Uri? next = GitHubCalls.Relative(path + (path.Contains('?') ? "&" : "?") + "per_page=100");
        for (var page = 0; next is not null && page < MaxPages; page++)
        {
            var uri = next;
            var response = await GitHubCalls.Run(endpoint, () => connection.Get<TPage>(uri, null, null, ct));
            if (response.Body is not null) all.AddRange(items(response.Body));
            next = response.HttpResponse.ApiInfo?.Links is { } links && links.TryGetValue("next", out var n) ? n : null;
        }
        return all;
    }

    /// <summary>True on 204 (or any 2xx), false on 404: GitHub's membership and collaborator checks.</summary>
    public static async Task<bool> Check(IConnection connection, string path, CancellationToken ct)
    {
        using var _ = AmbientCancellation.Use(ct);
        try
        {
            await GitHubCalls.Run("GET /" + path, () => connection.Get<object>(GitHubCalls.Relative(path), null, null, ct));
            return true;
        }
        catch (GitHubException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public static async Task<T> Post<T>(IConnection connection, string path, object body, CancellationToken ct)
    {
        using var _ = AmbientCancellation.Use(ct);
        var response = await GitHubCalls.Run("POST /" + path, () => connection.Post<T>(GitHubCalls.Relative(path), body, null, "application/json", (IDictionary<string, string>?)null, ct));
        return response.Body;
    }

    public static async Task<T> Patch<T>(IConnection connection, string path, object body, CancellationToken ct)
    {
        using var _ = AmbientCancellation.Use(ct);
        return (await GitHubCalls.Run("PATCH /" + path, () => connection.Patch<T>(GitHubCalls.Relative(path), body))).Body;
    }

    public static async Task<T> Put<T>(IConnection connection, string path, object body, CancellationToken ct)
    {
        using var _ = AmbientCancellation.Use(ct);
        return (await GitHubCalls.Run("PUT /" + path, () => connection.Put<T>(GitHubCalls.Relative(path), body))).Body;
    }

    public static async Task Delete(IConnection connection, string path, object? body, CancellationToken ct)
    {
        using var _ = AmbientCancellation.Use(ct);
        var uri = GitHubCalls.Relative(path);
        await GitHubCalls.Run("DELETE /" + path, () => body is null ? connection.Delete(uri) : connection.Delete(uri, body));
    }

    /// <summary>Escapes each segment of a path that may contain slashes (file paths, refs).</summary>
    public static string EscapeSegments(string value) => string.Join('/', value.Split('/').Select(Uri.EscapeDataString));

    public static string E(string value) => Uri.EscapeDataString(value);

    private static string PathOnly(string path) => path.Split('?')[0];
}
