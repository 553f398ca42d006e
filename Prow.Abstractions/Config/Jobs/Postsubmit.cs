namespace Prow.Abstractions.Config.Jobs;

/// <summary>A job that runs on pushes to a branch.</summary>
public sealed class Postsubmit : JobBase
{
    /// <summary>Null (unset) means run unless a file matcher says otherwise; postsubmits run by default.</summary>
    public bool? AlwaysRun { get; set; }

    /// <summary>Only run against these branches (regexes); empty means all.</summary>
    public List<string>? Branches { get; set; }

    /// <summary>Never run against these branches (regexes).</summary>
    public List<string>? SkipBranches { get; set; }

    /// <summary>Run when any changed file matches this regex.</summary>
    public string RunIfChanged { get; set; } = "";

    /// <summary>Skip when every changed file matches this regex.</summary>
    public string SkipIfOnlyChanged { get; set; } = "";

    /// <summary>GitHub status context; defaults to the job name.</summary>
    public string Context { get; set; } = "";

    /// <summary>Do not report status to GitHub.</summary>
    public bool SkipReport { get; set; }

    public JenkinsSpec? JenkinsSpec { get; set; }

    /// <summary>Whether the job may run against <paramref name="branch"/> (branches / skip_branches).</summary>
    public bool CouldRun(string branch) => BranchMatcher.ShouldRun(Branches, SkipBranches, branch);

    /// <summary>
    /// Prow's Postsubmit.ShouldRun: the branch must match; a file matcher decides when present
    /// (changes are only asked for then); else always_run, which defaults to true.
    /// </summary>
    public bool ShouldRun(string baseBranch, Func<IReadOnlyList<string>> changes)
    {
        if (!CouldRun(baseBranch)) return false;
        if (ChangeMatcher.CouldRun(RunIfChanged, SkipIfOnlyChanged))
            return ChangeMatcher.RunsAgainstChanges(RunIfChanged, SkipIfOnlyChanged, changes());
        return AlwaysRun ?? true;
    }
}
