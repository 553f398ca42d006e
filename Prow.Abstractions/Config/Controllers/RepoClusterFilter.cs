namespace Prow.Abstractions.Config.Controllers;

/// <summary>Prow's matching of "repo"/"cluster" filter entries (default decoration, job defaults, rerun auth).</summary>
public static class RepoClusterFilter
{
    /// <summary>
    /// An empty or "*" filter matches everything; a repo filter matches "org/repo" or "org";
    /// Gerrit repos ("https://host/repo") also match without their scheme.
    /// </summary>
    public static bool Matches(string filterRepo, string filterCluster, string orgRepo, string cluster)
    {
        if (filterCluster.Length > 0 && filterCluster != "*" && filterCluster != cluster) return false;
        if (filterRepo.Length == 0 || filterRepo == "*" || filterRepo == orgRepo) return true;
        var bare = orgRepo;
        if (bare.StartsWith("https://", StringComparison.Ordinal)) bare = bare["https://".Length..];
        else if (bare.StartsWith("http://", StringComparison.Ordinal)) bare = bare["http://".Length..];
        var host = bare.Split('/')[0];
        if (host.EndsWith("-review.googlesource.com", StringComparison.Ordinal))
            bare = host.Replace("-review.googlesource.com", ".googlesource.com", StringComparison.Ordinal) + bare[host.Length..];
        return filterRepo == bare || filterRepo == bare.Split('/')[0];
    }
}
