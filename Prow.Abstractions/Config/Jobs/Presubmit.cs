namespace Prow.Abstractions.Config.Jobs;

/// <summary>A job that runs on pull requests.</summary>
public sealed class Presubmit : JobBase
{
    /// <summary>Run for every PR (rather than only when triggered or when files match).</summary>
    public bool AlwaysRun { get; set; }

    /// <summary>The status context is not required for merging.</summary>
    public bool Optional { get; set; }

    /// <summary>Regex matching comments that trigger the job; defaults to <see cref="JobDefaults.DefaultTriggerFor"/>.</summary>
    public string Trigger { get; set; } = "";

    /// <summary>The command shown to users to rerun the job; must match <see cref="Trigger"/>.</summary>
    public string RerunCommand { get; set; } = "";

    /// <summary>Tide always runs the job before merging when the branch matches.</summary>
    public bool RunBeforeMerge { get; set; }

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

    /// <summary>Do not report status or comments to GitHub.</summary>
    public bool SkipReport { get; set; }

    public JenkinsSpec? JenkinsSpec { get; set; }

    /// <summary>True when the job needs a /test comment to run.</summary>
    public bool NeedsExplicitTrigger => !AlwaysRun && RunIfChanged.Length == 0 && SkipIfOnlyChanged.Length == 0;

    /// <summary>True when the job's context must pass for merging.</summary>
    public bool ContextRequired => !Optional && !SkipReport;

    /// <summary>Whether the job may run against <paramref name="branch"/> (branches / skip_branches).</summary>
    public bool CouldRun(string branch) => BranchMatcher.ShouldRun(Branches, SkipBranches, branch);

    /// <summary>True when the job runs only for some changes (explicit trigger or a file matcher).</summary>
    public bool TriggersConditionally => NeedsExplicitTrigger || ChangeMatcher.CouldRun(RunIfChanged, SkipIfOnlyChanged);

    /// <summary>Whether a comment triggers the job (its <see cref="Trigger"/> regex matches).</summary>
    public bool TriggerMatches(string comment) =>
        Trigger.Length > 0 && ChangeMatcher.Compiled(Trigger)?.IsMatch(comment) == true;

    /// <summary>
    /// Prow's Presubmit.ShouldRun: the branch must match; then always_run, or forced (/test), or the
    /// file matcher decides (changes are only asked for then), else <paramref name="defaults"/>.
    /// </summary>
    public bool ShouldRun(string baseBranch, Func<IReadOnlyList<string>> changes, bool forced, bool defaults)
    {
        if (!CouldRun(baseBranch)) return false;
        if (AlwaysRun || forced) return true;
        if (ChangeMatcher.CouldRun(RunIfChanged, SkipIfOnlyChanged))
            return ChangeMatcher.RunsAgainstChanges(RunIfChanged, SkipIfOnlyChanged, changes()) || defaults;
        return defaults;
    }
}
