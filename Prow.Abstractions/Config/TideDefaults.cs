using Prow.Abstractions.Config.Tide;

namespace Prow.Abstractions.Config;

/// <summary>Tide's defaults and checks (from Prow's parseProwConfig and TideQuery.Validate).</summary>
public static class TideDefaults
{
    private static readonly HashSet<string> MergeMethods = ["merge", "squash", "rebase"];
    private static readonly HashSet<string> MergeBlocksPolicies = ["ignore", "permit", "block"];

    public static void Apply(TideConfig tide, ConfigProblems problems)
    {
        tide.SyncPeriod ??= ComponentDefaults.TideSyncPeriod;
        tide.StatusUpdatePeriod ??= tide.SyncPeriod;
        if (tide.MaxGoroutines == 0) tide.MaxGoroutines = ComponentDefaults.MaxGoroutines;
        if (tide.MaxGoroutines < 0)
            problems.Error(tide, "max_goroutines", $"tide has invalid max_goroutines ({tide.MaxGoroutines}), it needs to be a positive number");
        if (tide.Gerrit is { RateLimit: 0 }) tide.Gerrit.RateLimit = 5;

        if (tide.TargetUrls is { Count: > 0 } && tide.TargetUrl.Length > 0)
            problems.Error(tide, "target_url", "tide.target_url and tide.target_urls are mutually exclusive");
        tide.TargetUrls ??= [];
        if (tide.TargetUrl.Length > 0) tide.TargetUrls["*"] = tide.TargetUrl;

        tide.PrStatusBaseUrls ??= [];
        if (tide.PrStatusBaseUrl.Length > 0)
        {
            if (tide.PrStatusBaseUrls.Count > 0)
                problems.Error(tide, "pr_status_base_url", "both pr_status_base_url and pr_status_base_urls are defined");
            else
                tide.PrStatusBaseUrls["*"] = tide.PrStatusBaseUrl;
        }
        if (tide.PrStatusBaseUrls.Count > 0 && !tide.PrStatusBaseUrls.ContainsKey("*"))
            problems.Error(tide, "pr_status_base_urls", "pr_status_base_urls is defined but the default value ('*') is missing");

        foreach (var (org, orgType) in tide.MergeMethod ?? [])
        {
            CheckMergeMethod(problems, tide, orgType.MergeType, org);
            foreach (var (repo, repoType) in orgType.Repos ?? [])
            {
                CheckMergeMethod(problems, tide, repoType.MergeType, $"{org}/{repo}");
                foreach (var (branch, method) in repoType.Branches ?? [])
                {
                    ComponentDefaults.CheckRegex(problems, tide, "merge_method", branch);
                    if (!MergeMethods.Contains(method))
                        problems.Error(tide, "merge_method", $"merge type \"{method}\" for {org}/{repo}@{branch} is not a valid type");
                }
            }
        }

        foreach (var (key, policy) in tide.GitHubMergeBlocksPolicyMap ?? [])
        {
            if (!MergeBlocksPolicies.Contains(policy))
                problems.Error(tide, "github_merge_blocks_policy", $"tide.github_merge_blocks_policy[\"{key}\"] has invalid value \"{policy}\", must be one of: ignore, permit, block");
        }

        foreach (var regex in tide.ContextOptions.OptionalRegexContexts ?? [])
            ComponentDefaults.CheckRegex(problems, tide, "context_options", regex);

        foreach (var query in tide.Queries ?? [])
        {
            var problem = QueryProblem(query);
            if (problem is not null) problems.ErrorAt(query, $"tide query is invalid: {problem}");
        }
    }

    private static void CheckMergeMethod(ConfigProblems problems, TideConfig tide, string method, string where)
    {
        if (method.Length > 0 && !MergeMethods.Contains(method))
            problems.Error(tide, "merge_method", $"merge type \"{method}\" for {where} is not a valid type");
    }

    /// <summary>The first problem of a query, as Prow's TideQuery.Validate reports it, or null.</summary>
    public static string? QueryProblem(TideQuery query)
    {
        var orgs = query.Orgs ?? [];
        var repos = query.Repos ?? [];
        for (var i = 0; i < orgs.Count; i++)
        {
            if (orgs[i].Contains('/')) return $"orgs[{i}]: \"{orgs[i]}\" contains a '/' which is not valid";
            if (orgs[i].Length == 0) return $"orgs[{i}]: is an empty string";
        }
        if (Duplicates("orgs", orgs) is { } d1) return d1;
        for (var i = 0; i < repos.Count; i++)
        {
            var parts = repos[i].Split('/');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0) return $"repos[{i}]: \"{repos[i]}\" is not of the form \"org/repo\"";
            if (orgs.Contains(parts[0])) return $"repos[{i}]: \"{repos[i]}\" is already included via org: \"{parts[0]}\"";
        }
        if (Duplicates("repos", repos) is { } d2) return d2;
        if (orgs.Count == 0 && repos.Count == 0) return "'orgs' and 'repos' cannot both be empty";
        var excluded = query.ExcludedRepos ?? [];
        for (var i = 0; i < excluded.Count; i++)
        {
            var parts = excluded[i].Split('/');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0) return $"excludedRepos[{i}]: \"{excluded[i]}\" is not of the form \"org/repo\"";
            if (!orgs.Contains(parts[0])) return $"excludedRepos[{i}]: \"{excluded[i]}\" has no effect because org \"{parts[0]}\" is not included";
        }
        if (Duplicates("excludedRepos", excluded) is { } d3) return d3;
        var both = (query.Labels ?? []).Intersect(query.MissingLabels ?? [], StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (both.Count > 0) return $"the labels: [{string.Join(" ", both.Select(l => $"\"{l}\""))}] are both required and forbidden";
        if (Duplicates("labels", query.Labels ?? []) is { } d4) return d4;
        if (Duplicates("missingLabels", query.MissingLabels ?? []) is { } d5) return d5;
        if (query.ExcludedBranches is { Count: > 0 } && query.IncludedBranches is { Count: > 0 })
            return "both 'includedBranches' and 'excludedBranches' are specified ('excludedBranches' have no effect)";
        return Duplicates("includedBranches", query.IncludedBranches ?? []) ?? Duplicates("excludedBranches", query.ExcludedBranches ?? []);
    }

    private static string? Duplicates(string field, List<string> list)
    {
        var dups = list.GroupBy(x => x, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        if (dups.Count == 0) return null;
        var count = list.Count - list.Distinct(StringComparer.Ordinal).Count();
        return $"\"{field}\" contains {count} duplicate entries: {string.Join(", ", dups)}";
    }
}
