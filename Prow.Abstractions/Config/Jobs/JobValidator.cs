using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Jobs;

/// <summary>
/// Prow's ValidateJobConfig and regex compilation (validatePresubmits, validatePostsubmits,
/// validatePeriodics, SetPresubmitRegexes...). Runs after defaulting; reports every problem.
/// </summary>
public static class JobValidator
{
    public static void Validate(ProwConfig config, ConfigProblems problems)
    {
        foreach (var jobs in config.Presubmits.Values) ValidatePresubmits(config, jobs, problems);
        foreach (var jobs in config.Postsubmits.Values) ValidatePostsubmits(config, jobs, problems);
        ValidatePeriodics(config, config.Periodics, problems);
    }

    private static void ValidatePresubmits(ProwConfig config, List<Presubmit> jobs, ConfigProblems problems)
    {
        CheckDuplicates(jobs, j => j.Name, j => j.Context, j => j.Branches, j => j.SkipBranches, "presubmit", problems);
        foreach (var job in jobs)
        {
            JobBaseValidator.Validate(config, job, "presubmit", problems);
            CheckChangeMatchers(job, job.AlwaysRun, job.RunIfChanged, job.SkipIfOnlyChanged, problems);
            if ((job.Trigger.Length > 0) != (job.RerunCommand.Length > 0))
                problems.Error(job, job.Trigger.Length > 0 ? "trigger" : "rerun_command",
                    $"either both of trigger and rerun_command must be set, wasn't the case for job \"{job.Name}\"");
            else if (job.Trigger == JobDefaults.DefaultTriggerFor(job.Name) && job.RerunCommand == JobDefaults.DefaultRerunCommandFor(job.Name))
            {
                // The defaults always compile and match (names are [A-Za-z0-9-._]+); skip thousands of compilations.
            }
            else if (ChangeMatcher.Problem(job.Trigger) is { } error)
                problems.Error(job, "trigger", $"invalid regex \"{job.Trigger}\": {error}");
            else if (!job.TriggerMatches(job.RerunCommand))
                problems.Error(job, "rerun_command", $"rerun command \"{job.RerunCommand}\" does not match trigger \"{job.Trigger}\"");
            CheckBranches(job, job.Branches, job.SkipBranches, problems);
            CheckReporting(job, job.Context, job.SkipReport, problems);
        }
    }

    private static void ValidatePostsubmits(ProwConfig config, List<Postsubmit> jobs, ConfigProblems problems)
    {
        CheckDuplicates(jobs, j => j.Name, j => j.Context, j => j.Branches, j => j.SkipBranches, "postsubmit", problems);
        foreach (var job in jobs)
        {
            JobBaseValidator.Validate(config, job, "postsubmit", problems);
            CheckChangeMatchers(job, job.AlwaysRun == true, job.RunIfChanged, job.SkipIfOnlyChanged, problems);
            CheckBranches(job, job.Branches, job.SkipBranches, problems);
            CheckReporting(job, job.Context, job.SkipReport, problems);
        }
    }

    private static void ValidatePeriodics(ProwConfig config, List<Periodic> jobs, ConfigProblems problems)
    {
        var names = new Dictionary<string, Periodic>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            if (!names.TryAdd(job.Name, job))
                problems.Error(job, "name", $"duplicated periodic job: {job.Name} (first at {Where(names[job.Name])})");
            JobBaseValidator.Validate(config, job, "periodic", problems);

            var set = new[] { ("cron", job.Cron), ("interval", job.Interval), ("minimum_interval", job.MinimumInterval) }
                .Where(f => f.Item2.Length > 0).ToList();
            if (set.Count > 1)
            {
                problems.Error(job, set[1].Item1, $"cron, interval, and minimum_interval are mutually exclusive in periodic {job.Name}");
                continue;
            }
            if (set.Count == 0)
            {
                problems.ErrorAt(job, $"at least one of cron, interval, or minimum_interval must be set in periodic {job.Name}");
                continue;
            }
            if (job.Cron.Length > 0 && CronSchedule.Problem(job.Cron) is { } cronProblem)
                problems.Error(job, "cron", $"invalid cron string \"{job.Cron}\" in periodic {job.Name}: {cronProblem}");
            job.IntervalDuration = ParseDuration(job, "interval", job.Interval, problems);
            job.MinimumIntervalDuration = ParseDuration(job, "minimum_interval", job.MinimumInterval, problems);
            if (job.Retry is not null) ParseDuration(job, "retry", job.Retry.Interval, problems, required: true);
        }
    }

    private static TimeSpan? ParseDuration(Periodic job, string key, string text, ConfigProblems problems, bool required = false)
    {
        if (text.Length == 0 && !required) return null;
        if (GoDuration.TryParse(text, out var value)) return value;
        problems.Error(job, key, $"cannot parse duration \"{text}\" for {job.Name}");
        return null;
    }

    /// <summary>
    /// Same name on intersecting branches is a duplicate; two names on intersecting branches may not
    /// share a context. Only jobs sharing a name or a context are compared, so this stays linear.
    /// </summary>
    private static void CheckDuplicates<T>(
        List<T> jobs, Func<T, string> name, Func<T, string> context,
        Func<T, List<string>?> branches, Func<T, List<string>?> skipBranches, string kind, ConfigProblems problems)
        where T : JobBase
    {
        bool Overlap(T a, T b) => BranchMatcher.Intersects(branches(a), skipBranches(a), branches(b), skipBranches(b));
        foreach (var group in jobs.GroupBy(name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var same = group.ToList();
            for (var i = 1; i < same.Count; i++)
            {
                var earlier = same.Take(i).FirstOrDefault(a => Overlap(a, same[i]));
                if (earlier is not null)
                    problems.Error(same[i], "name", $"duplicated {kind} job {name(same[i])} on overlapping branches (also at {Where(earlier)})");
            }
        }
        foreach (var group in jobs.GroupBy(context, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var same = group.ToList();
            for (var i = 1; i < same.Count; i++)
            {
                var earlier = same.Take(i).FirstOrDefault(a => name(a) != name(same[i]) && Overlap(a, same[i]));
                if (earlier is not null)
                    problems.Error(same[i], "context", $"jobs {name(earlier)} and {name(same[i])} report to the same GitHub context \"{context(same[i])}\"");
            }
        }
    }

    private static void CheckChangeMatchers(JobBase job, bool alwaysRun, string runIfChanged, string skipIfOnlyChanged, ConfigProblems problems)
    {
        if (alwaysRun && runIfChanged.Length > 0)
            problems.Error(job, "run_if_changed", $"job {job.Name} is set to always run but also declares run_if_changed targets, which are mutually exclusive");
        else if (alwaysRun && skipIfOnlyChanged.Length > 0)
            problems.Error(job, "skip_if_only_changed", $"job {job.Name} is set to always run but also declares skip_if_only_changed targets, which are mutually exclusive");
        else if (runIfChanged.Length > 0 && skipIfOnlyChanged.Length > 0)
            problems.Error(job, "skip_if_only_changed", $"job {job.Name} declares run_if_changed and skip_if_only_changed, which are mutually exclusive");
        CheckRegex(job, "run_if_changed", runIfChanged, problems);
        CheckRegex(job, "skip_if_only_changed", skipIfOnlyChanged, problems);
    }

    private static void CheckBranches(JobBase job, List<string>? branches, List<string>? skipBranches, ConfigProblems problems)
    {
        for (var i = 0; i < (branches?.Count ?? 0); i++) CheckRegex(job, $"branches[{i}]", branches![i], problems);
        for (var i = 0; i < (skipBranches?.Count ?? 0); i++) CheckRegex(job, $"skip_branches[{i}]", skipBranches![i], problems);
    }

    private static void CheckRegex(JobBase job, string key, string pattern, ConfigProblems problems)
    {
        if (pattern.Length > 0 && ChangeMatcher.Problem(pattern) is { } error)
            problems.Error(job, key, $"invalid regex \"{pattern}\": {error}");
    }

    private static void CheckReporting(JobBase job, string context, bool skipReport, ConfigProblems problems)
    {
        if (!skipReport && context.Length == 0)
            problems.Error(job, "context", "job is set to report but has no context configured");
        if (skipReport && job.Labels?.GetValueOrDefault("prow.k8s.io/gerrit-report-label") is { Length: > 0 })
            problems.Error(job, "labels", "gerrit report label prow.k8s.io/gerrit-report-label set to non-empty string but job is configured to skip reporting");
    }

    private static string Where(SourceLocated job) => $"{job.SourceFile}:{job.SourceLine}";
}
