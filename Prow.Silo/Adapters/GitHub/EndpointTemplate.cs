namespace Prow.Silo.Adapters.GitHub;

/// <summary>
/// Turns a request path into its REST endpoint template for metric labels, so label values stay few:
/// <c>/repos/kubernetes/test-infra/issues/123/labels</c> becomes <c>/repos/{owner}/{repo}/issues/{number}/labels</c>.
/// </summary>
public static class EndpointTemplate
{
    // After this literal segment the next one is a parameter with this name.
    private static readonly Dictionary<string, string> Parameters = new(StringComparer.Ordinal)
    {
        ["orgs"] = "{org}", ["users"] = "{username}", ["members"] = "{username}", ["memberships"] = "{username}",
        ["public_members"] = "{username}", ["collaborators"] = "{username}", ["teams"] = "{team_slug}",
        ["installations"] = "{installation_id}", ["labels"] = "{name}", ["comments"] = "{comment_id}",
        ["reviews"] = "{review_id}", ["statuses"] = "{ref}", ["commits"] = "{ref}", ["check-runs"] = "{check_run_id}",
        ["hooks"] = "{hook_id}", ["milestones"] = "{milestone_number}",
    };

    // After these, everything else is one parameter (paths and refs contain slashes).
    private static readonly Dictionary<string, string> RestParameters = new(StringComparer.Ordinal)
    {
        ["contents"] = "{path}", ["ref"] = "{ref}", ["refs"] = "{ref}",
    };

    /// <summary>The template of <paramref name="path"/> (no query), relative to whichever of <paramref name="basePaths"/> it starts with.</summary>
    public static string For(string path, IReadOnlyList<string>? basePaths = null)
    {
        foreach (var basePath in basePaths ?? [])
        {
            var trimmed = basePath.TrimEnd('/');
            if (trimmed.Length > 0 && path.StartsWith(trimmed + "/", StringComparison.Ordinal))
            {
                path = path[trimmed.Length..];
                break;
            }
        }
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var result = new List<string>(segments.Length);
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment == "repos" && i == 0)
            {
                result.Add(segment);
                if (i + 1 < segments.Length) result.Add("{owner}");
                if (i + 2 < segments.Length) result.Add("{repo}");
                i += 2;
                continue;
            }
            result.Add(IsNumber(segment) ? "{id}" : segment);
            if (i + 1 >= segments.Length) break;
            var next = segments[i + 1];
            if (RestParameters.TryGetValue(segment, out var rest) && (segment == "contents" || (i > 0 && segments[i - 1] == "git")))
            {
                result.Add(rest);
                break;
            }
            if ((segment is "issues" or "pulls") && IsNumber(next))
            {
                result.Add("{number}");
                i++;
            }
            else if (Parameters.TryGetValue(segment, out var name) && !(segment == "comments" && !IsNumber(next)))
            {
                result.Add(name);
                i++;
            }
        }
        return "/" + string.Join('/', result);
    }

    private static bool IsNumber(string segment) => segment.Length > 0 && segment.All(char.IsAsciiDigit);
}
