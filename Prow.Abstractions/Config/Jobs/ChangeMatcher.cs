using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Prow.Abstractions.Config.Jobs;

/// <summary>
/// Prow's RegexpChangeMatcher: <c>run_if_changed</c> runs the job when any changed file matches;
/// <c>skip_if_only_changed</c> runs it when any changed file does not match.
/// Also caches the compiled regexes jobs use at run time (file matchers, triggers).
/// </summary>
public static class ChangeMatcher
{
    private static readonly ConcurrentDictionary<string, Regex?> Cache = new(StringComparer.Ordinal);

    /// <summary>True when the job has a file matcher, so changes decide whether it runs.</summary>
    public static bool CouldRun(string runIfChanged, string skipIfOnlyChanged) =>
        runIfChanged.Length > 0 || skipIfOnlyChanged.Length > 0;

    /// <summary>Whether the changed files make the job run (false for a job without a file matcher).</summary>
    public static bool RunsAgainstChanges(string runIfChanged, string skipIfOnlyChanged, IEnumerable<string> changes)
    {
        if (runIfChanged.Length > 0)
        {
            var regex = Compiled(runIfChanged);
            return regex is not null && changes.Any(regex.IsMatch);
        }
        if (skipIfOnlyChanged.Length > 0)
        {
            var regex = Compiled(skipIfOnlyChanged);
            return regex is not null && changes.Any(c => !regex.IsMatch(c));
        }
        return false;
    }

    private static readonly ConcurrentDictionary<string, string> Problems = new(StringComparer.Ordinal);

    /// <summary>The compiled Go pattern, cached; null when it does not compile (validation reports it).</summary>
    public static Regex? Compiled(string pattern) =>
        Cache.GetOrAdd(pattern, p => GoRegex.TryCompile(p, out var regex, out _) ? regex : null);

    /// <summary>Why the pattern does not compile, or null; compiles once per distinct pattern.</summary>
    public static string? Problem(string pattern)
    {
        if (Compiled(pattern) is not null) return null;
        return Problems.GetOrAdd(pattern, p => GoRegex.TryCompile(p, out _, out var error) ? "" : error) is { Length: > 0 } problem ? problem : null;
    }
}
