using System.Text.Json.Nodes;
using static Prow.TestSupport.FakeGitHub.FakeRoutes;

namespace Prow.TestSupport.FakeGitHub;

internal static class FakeContentRoutes
{
    public static void Map(FakeRouter router, FakeGitHubServer server)
    {
        router.Map("GET", $"{RepoPrefix}/contents/{{*path}}", r => WithRepo(server, r, repo =>
        {
            var gitRef = r.QueryValue("ref") ?? repo.DefaultBranch;
            var path = r["path"].Trim('/');
            var files = FilesAt(repo, gitRef);
            if (files.TryGetValue(path, out var bytes)) return FakeResponse.Ok(File(server, repo, path, gitRef, bytes));
            var children = files.Keys.Where(p => p.StartsWith(path + "/", StringComparison.Ordinal)).ToList();
            if (children.Count == 0) return FakeResponse.NotFound();
            var entries = children.Select(p => p[(path.Length + 1)..].Split('/')[0]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(name => (JsonNode)new JsonObject
                {
                    ["name"] = name,
                    ["path"] = $"{path}/{name}",
                    ["type"] = files.ContainsKey($"{path}/{name}") ? "file" : "dir",
                });
            return FakeResponse.Ok(new JsonArray([.. entries]));
        }));

        router.Map("GET", $"{RepoPrefix}/git/ref/{{*ref}}", r => WithRepo(server, r, repo =>
            repo.Refs.TryGetValue(r["ref"], out var sha) ? FakeResponse.Ok(Ref(server, repo, r["ref"], sha)) : FakeResponse.NotFound()));

        router.Map("GET", $"{RepoPrefix}/git/refs/{{*ref}}", r => WithRepo(server, r, repo =>
        {
            if (repo.Refs.TryGetValue(r["ref"], out var sha)) return FakeResponse.Ok(Ref(server, repo, r["ref"], sha));
            var matching = repo.Refs.Where(kv => kv.Key.StartsWith(r["ref"], StringComparison.Ordinal)).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
            return matching.Count == 0 ? FakeResponse.NotFound() : FakeResponse.Ok(new JsonArray([.. matching.Select(kv => (JsonNode)Ref(server, repo, kv.Key, kv.Value))]));
        }));
    }

    /// <summary>Files at a branch name or SHA (a SHA that a branch points at sees that branch's files).</summary>
    private static Dictionary<string, byte[]> FilesAt(FakeRepo repo, string gitRef)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { gitRef };
        foreach (var (name, sha) in repo.Refs)
        {
            if (sha == gitRef && name.StartsWith("heads/", StringComparison.Ordinal)) names.Add(name["heads/".Length..]);
        }
        return repo.Files.Where(kv => names.Contains(kv.Key.Ref)).ToDictionary(kv => kv.Key.Path, kv => kv.Value, StringComparer.Ordinal);
    }

    private static JsonObject File(FakeGitHubServer server, FakeRepo repo, string path, string gitRef, byte[] bytes)
    {
        // GitHub wraps the base64 content at 60 characters.
        var base64 = Convert.ToBase64String(bytes);
        var wrapped = string.Join("\n", Enumerable.Range(0, (base64.Length + 59) / 60).Select(i => base64.Substring(i * 60, Math.Min(60, base64.Length - (i * 60))))) + "\n";
        return new JsonObject
        {
            ["type"] = "file",
            ["encoding"] = "base64",
            ["size"] = bytes.Length,
            ["name"] = path.Split('/')[^1],
            ["path"] = path,
            ["content"] = wrapped,
            ["sha"] = FakeGitHubServer.Sha(base64),
            ["url"] = $"{server.BaseUri.AbsoluteUri}repos/{repo.FullName}/contents/{path}?ref={gitRef}",
        };
    }

    private static JsonObject Ref(FakeGitHubServer server, FakeRepo repo, string name, string sha) => new()
    {
        ["ref"] = $"refs/{name}",
        ["node_id"] = $"REF_{name}",
        ["url"] = $"{server.BaseUri.AbsoluteUri}repos/{repo.FullName}/git/refs/{name}",
        ["object"] = new JsonObject { ["sha"] = sha, ["type"] = "commit", ["url"] = $"{server.BaseUri.AbsoluteUri}repos/{repo.FullName}/git/commits/{sha}" },
    };
}
