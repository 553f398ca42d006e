using System.Text;
using System.Text.RegularExpressions;
using Prow.Abstractions.Config.Jobs;

namespace Prow.Grains.Plugins.Trigger;

/// <summary>What a filter says about a job: whether it matches, whether it is forced, and its default.</summary>
public readonly record struct FilterResult(bool Matches, bool Forced, bool Defaults);

/// <summary>
/// Prow's pjutil filters and command regexes: which presubmits a comment or an event asks for
/// (<c>/test NAME</c> through each job's trigger, <c>/test all</c>, <c>/retest</c>, <c>/retest-required</c>,
/// <c>/test-manual-required</c>, <c>/ok-to-test</c>), then each job's own branch and file rules decide.
/// </summary>
public static partial class PresubmitFilters
{
    [GeneratedRegex(@"(?m)^/test all,?($|\s.*)")] public static partial Regex TestAll();
    [GeneratedRegex(@"(?m)^/retest\s*$")] public static partial Regex Retest();
    [GeneratedRegex(@"(?m)^/retest-required\s*$")] public static partial Regex RetestRequired();
    [GeneratedRegex(@"(?m)^/test-manual-required\s*$")] public static partial Regex TestManualRequired();
    [GeneratedRegex(@"(?m)^/ok-to-test\s*$")] public static partial Regex OkToTest();
    [GeneratedRegex(@"(?m)^/ok-to-test\s+cancel\s*$")] public static partial Regex OkToTestCancel();
    [GeneratedRegex(@"(?m)^/test[ \t]*\?\s*$")] public static partial Regex TestHelp();
    [GeneratedRegex(@"(?m)^/test\s*$")] public static partial Regex EmptyTest();
    [GeneratedRegex(@"(?m)^/retest[ \t]+\S+")] public static partial Regex RetestWithTarget();
    [GeneratedRegex(@"(?m)^/test[ \t]+\S+")] public static partial Regex TestWithAnyTarget();
    [GeneratedRegex(@"(?m)^/(?:re)?test\b")] public static partial Regex AnyTest();

    public const string TestWithoutTargetNote = "The `/test` command needs one or more targets.\n";
    public const string RetestWithTargetNote = "The `/retest` command does not accept any targets.\n";
    public const string TargetNotFoundNote = "The specified target(s) for `/test` were not found.\n";
    public const string ThereAreNoTestAllJobsNote = "No jobs can be run with `/test all`.\n";
    private const string AvailableRequiredTestsNote = "The following commands are available to trigger required jobs:";
    private const string AvailableOptionalTestsNote = "The following commands are available to trigger optional jobs:";

    public static Func<Presubmit, FilterResult> TestAllFilter => p => new(!p.NeedsExplicitTrigger, false, false);

    public static Func<Presubmit, FilterResult> CommandFilter(string body) => p =>
    {
        var m = p.TriggerMatches(body);
        return new(m, m, true);
    };

    public static Func<Presubmit, FilterResult> RetestFilter(ISet<string> failed, ISet<string> all) => p =>
    {
        var f = failed.Contains(p.Context);
        return new(f || (!p.NeedsExplicitTrigger && !all.Contains(p.Context)), false, f);
    };

    public static Func<Presubmit, FilterResult> RetestRequiredFilter(ISet<string> failed, ISet<string> all) =>
        p => p.Optional ? default : RetestFilter(failed, all)(p);

    public static Func<Presubmit, FilterResult> TestManualRequiredFilter => p =>
        p.Optional || !p.NeedsExplicitTrigger || p.RunIfChanged.Length > 0 || p.SkipIfOnlyChanged.Length > 0 ? default : new(true, true, false);

    /// <summary>The first filter that matches decides (Prow's AggregateFilter).</summary>
    public static Func<Presubmit, FilterResult> Aggregate(IReadOnlyList<Func<Presubmit, FilterResult>> filters) => p =>
    {
        foreach (var filter in filters)
            if (filter(p) is { Matches: true } r) return r;
        return default;
    };

    /// <summary>
    /// Prow's <c>PresubmitFilter</c> for a comment: its own triggers, then retest (failed contexts, and
    /// automatic jobs without a status), retest-required, test-manual-required, test-all (also for
    /// <c>/ok-to-test</c> when honoured). <paramref name="contexts"/> gives (failed, all) status contexts.
    /// </summary>
    public static async Task<Func<Presubmit, FilterResult>> ForCommentAsync(bool honorOkToTest, Func<Task<(ISet<string> Failed, ISet<string> All)>> contexts, string body)
    {
        var filters = new List<Func<Presubmit, FilterResult>> { CommandFilter(body) };
        if (Retest().IsMatch(body))
        {
            var (failed, all) = await contexts();
            filters.Add(RetestFilter(failed, all));
        }
        if (RetestRequired().IsMatch(body))
        {
            var (failed, all) = await contexts();
            filters.Add(RetestRequiredFilter(failed, all));
        }
        if (TestManualRequired().IsMatch(body)) filters.Add(TestManualRequiredFilter);
        if ((honorOkToTest && OkToTest().IsMatch(body)) || TestAll().IsMatch(body)) filters.Add(TestAllFilter);
        return Aggregate(filters);
    }

    /// <summary>Prow's <c>FilterPresubmits</c>: the filter's match, then the job's <c>ShouldRun</c> for the branch and changes.</summary>
    public static List<Presubmit> Filter(Func<Presubmit, FilterResult> filter, Func<IReadOnlyList<string>> changes, string branch, IEnumerable<Presubmit> presubmits)
    {
        var result = new List<Presubmit>();
        foreach (var p in presubmits)
        {
            var r = filter(p);
            if (r.Matches && p.ShouldRun(branch, changes, r.Forced, r.Defaults)) result.Add(p);
        }
        return result;
    }

    /// <summary>Whether a comment mentions anything trigger handles (Prow's <c>commentMatchesTrigger</c>).</summary>
    public static bool CommentMatchesTrigger(string text, IEnumerable<Presubmit> presubmits) =>
        Retest().IsMatch(text) || RetestRequired().IsMatch(text) || TestManualRequired().IsMatch(text) || OkToTest().IsMatch(text)
        || OkToTestCancel().IsMatch(text) || TestAll().IsMatch(text) || MayNeedHelpComment(text) || presubmits.Any(p => p.TriggerMatches(text));

    public static bool MayNeedHelpComment(string body) =>
        EmptyTest().IsMatch(body) || RetestWithTarget().IsMatch(body) || TestWithAnyTarget().IsMatch(body) || TestHelp().IsMatch(body);

    /// <summary>Prow's <c>ShouldRespondWithHelp</c>: whether to answer with the list of jobs, and the note to put first.</summary>
    public static (bool Help, string Note) ShouldRespondWithHelp(string body, int toRun) =>
        TestHelp().IsMatch(body) ? (true, "")
        : EmptyTest().IsMatch(body) ? (true, TestWithoutTargetNote)
        : RetestWithTarget().IsMatch(body) ? (true, RetestWithTargetNote)
        : toRun == 0 && TestAll().IsMatch(body) ? (true, ThereAreNoTestAllJobsNote)
        : toRun == 0 && TestWithAnyTarget().IsMatch(body) ? (true, TargetNotFoundNote)
        : (false, "");

    /// <summary>Prow's <c>IsHelpComment</c>: a reply of ours listing the commands (pruned once a /test or /retest runs jobs).</summary>
    public static bool IsHelpComment(string body) =>
        body.Contains(TestWithoutTargetNote, StringComparison.Ordinal) || body.Contains(RetestWithTargetNote, StringComparison.Ordinal)
        || body.Contains(TargetNotFoundNote, StringComparison.Ordinal) || body.Contains(ThereAreNoTestAllJobsNote, StringComparison.Ordinal)
        || body.Contains(AvailableRequiredTestsNote, StringComparison.Ordinal) || body.Contains(AvailableOptionalTestsNote, StringComparison.Ordinal);

    /// <summary>Prow's <c>AvailablePresubmits</c>: jobs /test all would run, and the rerun commands of optional and required jobs that could run.</summary>
    public static (SortedSet<string> TestAll, SortedSet<string> Optional, SortedSet<string> Required) Available(
        Func<IReadOnlyList<string>> changes, string branch, IReadOnlyList<Presubmit> presubmits)
    {
        var testAll = new SortedSet<string>(Filter(TestAllFilter, changes, branch, presubmits).Select(p => p.Name), StringComparer.Ordinal);
        var byCommand = Filter(Aggregate([.. presubmits.Select(p => CommandFilter(p.RerunCommand))]), changes, branch, presubmits);
        var optional = new SortedSet<string>(byCommand.Where(p => p.Optional).Select(p => p.RerunCommand), StringComparer.Ordinal);
        var required = new SortedSet<string>(byCommand.Where(p => !p.Optional).Select(p => p.RerunCommand), StringComparer.Ordinal);
        return (testAll, optional, required);
    }

    /// <summary>Prow's <c>HelpMessage</c>, word for word.</summary>
    public static string HelpMessage(string org, string repo, string branch, string note, IReadOnlySet<string> testAll, IReadOnlySet<string> optional, IReadOnlySet<string> required)
    {
        if (testAll.Count + optional.Count + required.Count == 0) return $"No presubmit jobs available for {org}/{repo}@{branch}";
        static string List(IEnumerable<string> names)
        {
            var sb = new StringBuilder();
            foreach (var n in names) sb.Append("\n```\n").Append(n).Append("\n```");
            return sb.ToString();
        }
        var resp = note;
        if (required.Count > 0) resp += AvailableRequiredTestsNote + List(required) + "\n\n";
        if (optional.Count > 0) resp += AvailableOptionalTestsNote + List(optional) + "\n\n";
        if (testAll.Count == optional.Count + required.Count) resp += "Use `/test all` to run all jobs.\n";
        else if (testAll.Count > 0) resp += "Use `/test all` to run the following jobs that were automatically triggered:" + List(testAll) + "\n\n";
        return resp;
    }
}
