namespace Prow.Abstractions.Config.Plugins;

/// <summary>Prow's lookup of per-repo plugin settings listed by <c>org</c> or <c>org/repo</c>.</summary>
public static class RepoScope
{
    /// <summary>The first entry naming <c>org/repo</c>, else the first naming <c>org</c>, else null.</summary>
    public static T? Find<T>(IEnumerable<T> entries, string org, string repo) where T : class, IRepoScoped
    {
        var list = entries as IReadOnlyCollection<T> ?? [.. entries];
        var fullName = org + "/" + repo;
        return list.FirstOrDefault(e => e.Repos.Contains(fullName)) ?? list.FirstOrDefault(e => e.Repos.Contains(org));
    }

    /// <summary>Whether <paramref name="entries"/> lists <c>org</c> or <c>org/repo</c>.</summary>
    public static bool Matches(IEnumerable<string> entries, string org, string repo)
    {
        var fullName = org + "/" + repo;
        return entries.Any(e => e == org || e == fullName);
    }
}
