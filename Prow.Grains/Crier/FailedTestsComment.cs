using Prow.Abstractions.Config.Controllers;
using Prow.Abstractions.GitHub;
using Prow.Abstractions.Jobs;
using Prow.Abstractions.Templates;
using Prow.Grains.Plugins;

namespace Prow.Grains.Crier;

/// <summary>
/// What to do with a PR's failed-tests comment: delete these comments, then write
/// <see cref="Body"/> (when not null) by editing <see cref="UpdateId"/> or, when it is 0, creating a comment.
/// </summary>
public sealed record CommentPlan(IReadOnlyList<long> Deletes, string? Body, long UpdateId);

/// <summary>
/// The failed-tests comment Prow's GitHub reporter keeps on a pull request (Prow's <c>ReportComment</c>,
/// <c>parseIssueComments</c>, <c>createEntry</c>, <c>createComment</c>), pure: the table is read back from the
/// bot's latest tagged comment, rows of the reported jobs' contexts are replaced, failed jobs get a row.
/// A new failure replaces the comment (delete + create, so GitHub notifies the author); a pass edits it;
/// no rows left deletes it.
/// </summary>
public static class FailedTestsComment
{
    /// <summary>Identifies the bot's test report comment.</summary>
    public const string CommentTag = "<!-- test report -->";

    public const string TableHeader = "Test name | Commit | Details | Required | Rerun command";
    public const string TableRule = "--- | --- | --- | --- | ---";

    /// <summary>Prow's <c>ReportTemplateForRepo</c>: plank's report_templates for "org/repo", else "org", else "*"; null when none.</summary>
    public static string? ReportTemplateFor(ControllerConfig plank, Refs refs)
    {
        if (plank.ReportTemplates is not { Count: > 0 } templates) return null;
        if (templates.TryGetValue($"{refs.Org}/{refs.Repo}", out var repo)) return repo;
        if (templates.TryGetValue(refs.Org, out var org)) return org;
        return templates.TryGetValue("*", out var any) ? any : null;
    }

    /// <summary>
    /// The plan for <paramref name="jobs"/> (one PR; only complete, reported jobs count) given the PR's
    /// comments; null when there is nothing to do (no complete job, or not exactly one pull).
    /// <paramref name="mustCreate"/> writes an "all tests passed" comment when no row remains (summary_comment_repos).
    /// <paramref name="reportTemplate"/> is plank's report template for the repo (see <see cref="ReportTemplateFor"/>).
    /// </summary>
    public static CommentPlan? Plan(IReadOnlyList<ProwJob> jobs, IReadOnlyCollection<string>? jobTypesToReport,
        Func<string, bool> isBot, IReadOnlyList<IssueComment> comments, bool mustCreate = false, string? reportTemplate = null)
    {
        var valid = jobs.Where(j => GitHubReport.ShouldReport(j, jobTypesToReport) && j.Complete).ToList();
        if (valid.Count == 0) return null;
        if (valid[0].Spec.Refs is not { Pulls.Count: 1 }) return null;

        var (deletes, entries, updateId) = Parse(valid, isBot, comments);
        var aborted = valid.Any(j => j.Status.State == ProwJobState.Aborted);
        string? body = entries.Count > 0 || (mustCreate && !aborted) ? Create(valid[0], entries, reportTemplate) : null;
        return new CommentPlan(deletes, body, updateId);
    }

    /// <summary>
    /// Prow's <c>parseIssueComments</c>: the comments to delete, the table rows to write and the comment to
    /// edit (0: create one). Rows are the lines after a "---" line up to the next blank line, in the bot's
    /// tagged comments; a later row of the same test wins; rows of the reported jobs are dropped and each
    /// failed job gets a fresh one. Older tagged comments are deleted; the latest too when a job newly failed
    /// or no row remains.
    /// </summary>
    public static (List<long> Deletes, List<string> Entries, long UpdateId) Parse(
        IReadOnlyList<ProwJob> jobs, Func<string, bool> isBot, IReadOnlyList<IssueComment> comments)
    {
        var previous = new List<long>();
        long latest = 0;
        var entries = new List<string>();
        foreach (var comment in comments)
        {
            if (!isBot(comment.User.Login) || !comment.Body.Contains(CommentTag, StringComparison.Ordinal)) continue;
            if (latest != 0) previous.Add(latest);
            latest = comment.Id;
            var tracking = false;
            foreach (var raw in comment.Body.Split('\n'))
            {
                var line = raw.Trim();
                if (line.StartsWith("---", StringComparison.Ordinal)) tracking = true;
                else if (line.Length == 0) tracking = false;
                else if (tracking) entries.Add(line);
            }
        }

        var contexts = jobs.Select(j => j.Spec.Context).ToHashSet(StringComparer.Ordinal);
        var kept = new List<string>();
        for (var i = 0; i < entries.Count; i++)
        {
            var name = TestName(entries[i]);
            var newerExists = false;
            for (var j = i + 1; j < entries.Count; j++)
            {
                if (TestName(entries[j]) == name) newerExists = true;
            }
            if (!newerExists && !contexts.Contains(name)) kept.Add(entries[i]);
        }

        var failed = false;
        foreach (var job in jobs)
        {
            if (job.Status.State != ProwJobState.Failure) continue;
            kept.Add(Entry(job));
            failed = true;
        }

        var deletes = new List<long>(previous);
        if ((failed || kept.Count == 0) && latest != 0)
        {
            deletes.Add(latest);
            latest = 0;
        }
        return (deletes, kept, latest);
    }

    /// <summary>Prow's <c>createEntry</c>: context | head SHA | [link](url) | required | `rerun command`.</summary>
    public static string Entry(ProwJob job)
    {
        var required = "unknown";
        if (job.Spec.Type == ProwJobType.Presubmit
            && job.Metadata.Labels?.GetValueOrDefault(ProwJobLabels.IsOptional) is { } label
            && ParseGoBool(label) is { } optional)
        {
            required = optional ? "false" : "true";
        }
        return string.Join(" | ",
            job.Spec.Context,
            job.Spec.Refs!.Pulls![0].Sha,
            $"[link]({job.Status.Url})",
            required,
            $"`{job.Spec.RerunCommand}`");
    }

    /// <summary>
    /// Prow's <c>createComment</c>: the table (or "all tests passed"), then the repo's report template executed on
    /// the first job, then the bot's details block and the hidden tag. Throws <see cref="GoTemplateException"/>
    /// when the template fails on the job (the report is retried, as in Prow).
    /// </summary>
    public static string Create(ProwJob first, IReadOnlyList<string> entries, string? reportTemplate = null)
    {
        var rendered = string.IsNullOrEmpty(reportTemplate) ? null : GoTemplate.Cached(reportTemplate).Execute(first);
        var author = first.Spec.Refs!.Pulls![0].Author;
        var lines = new List<string>();
        if (entries.Count == 0)
        {
            lines.Add($"@{author}: all tests **passed!**");
            lines.Add("");
        }
        else
        {
            lines.Add($"@{author}: The following test{(entries.Count > 1 ? "s" : "")} **failed**, say `/retest` to rerun all failed tests or `/retest-required` to rerun all mandatory failed tests:");
            lines.Add("");
            lines.Add(TableHeader);
            lines.Add(TableRule);
        }
        lines.AddRange(entries);
        if (rendered is not null) lines.AddRange(["", rendered]);
        lines.AddRange(["", "<details>", "", PluginResponses.AboutThisBot, "</details>", CommentTag]);
        return string.Join("\n", lines);
    }

    /// <summary>
    /// Prow's bot checker: the login of the token's user, or (GitHub Apps) the same name with "[bot]".
    /// </summary>
    public static Func<string, bool> BotChecker(string botLogin)
    {
        var bot = TrimBot(botLogin);
        return candidate => string.Equals(TrimBot(candidate), bot, StringComparison.Ordinal);
    }

    private static string TrimBot(string login) => login.EndsWith("[bot]", StringComparison.Ordinal) ? login[..^5] : login;

    private static string TestName(string entry)
    {
        var at = entry.IndexOf(" | ", StringComparison.Ordinal);
        return at < 0 ? entry : entry[..at];
    }

    /// <summary>Go's <c>strconv.ParseBool</c>.</summary>
    private static bool? ParseGoBool(string value) => value switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };
}
