using System.Text.RegularExpressions;

namespace Prow.Abstractions.Config.Jobs;

/// <summary>
/// Prow's Brancher: <c>branches</c> and <c>skip_branches</c> are lists of regexes, each list joined
/// with <c>|</c>; skip_branches wins; an empty brancher matches every branch.
/// </summary>
public static class BranchMatcher
{
    public static bool RunsAgainstAllBranches(IReadOnlyList<string>? branches, IReadOnlyList<string>? skipBranches) =>
        (branches is null || branches.Count == 0) && (skipBranches is null || skipBranches.Count == 0);

    public static bool ShouldRun(IReadOnlyList<string>? branches, IReadOnlyList<string>? skipBranches, string branch)
    {
        if (RunsAgainstAllBranches(branches, skipBranches)) return true;
        if (skipBranches is { Count: > 0 } && Compile(skipBranches)?.IsMatch(branch) == true) return false;
        return branches is null || branches.Count == 0 || Compile(branches)?.IsMatch(branch) == true;
    }

    /// <summary>Whether two branchers could both run for some branch (Prow's Brancher.Intersects).</summary>
    public static bool Intersects(
        IReadOnlyList<string>? branches, IReadOnlyList<string>? skipBranches,
        IReadOnlyList<string>? otherBranches, IReadOnlyList<string>? otherSkipBranches)
    {
        if (RunsAgainstAllBranches(branches, skipBranches) || RunsAgainstAllBranches(otherBranches, otherSkipBranches)) return true;
        if (branches is { Count: > 0 })
        {
            if (otherBranches is { Count: > 0 }) return branches.Intersect(otherBranches, StringComparer.Ordinal).Any();
            return branches.Distinct(StringComparer.Ordinal).Any(b => ShouldRun(otherBranches, otherSkipBranches, b));
        }
        if (otherBranches is null || otherBranches.Count == 0) return true;
        return Intersects(otherBranches, otherSkipBranches, branches, skipBranches);
    }

    private static Regex? Compile(IReadOnlyList<string> patterns) =>
        ChangeMatcher.Compiled(patterns.Count == 1 ? patterns[0] : string.Join('|', patterns));
}
