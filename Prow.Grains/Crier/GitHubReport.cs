using System.Text;
using Prow.Abstractions.Config.Reporting;
using Prow.Abstractions.GitHub;
using Prow.Abstractions.Jobs;

namespace Prow.Grains.Crier;

/// <summary>A commit status to create: where (org, repo, SHA) and what.</summary>
public sealed record StatusReport(string Org, string Repo, string Sha, CommitStatus Status);

/// <summary>
/// Crier's GitHub reporter rules (Prow's <c>crier/reporters/github</c> and <c>github/report</c>), pure:
/// which jobs report, and the commit status a job's current state becomes.
/// </summary>
public static class GitHubReport
{
    /// <summary>The reporter's name, the key of <c>status.prev_report_states</c>.</summary>
    public const string ReporterName = "github-reporter";

    /// <summary>Jobs with this label are reported to Gerrit, not GitHub.</summary>
    public const string GerritReportLabel = "prow.k8s.io/gerrit-report-label";

    /// <summary>GitHub's limit for a status description (in bytes, as Prow counts).</summary>
    public const int ContextDescriptionMaxLength = 140;

    private const string BaseShaDelimiter = " BaseSHA:";
    private const string Elide = " ... ";

    /// <summary>U+2001 (em quad): GitHub's UI collapses ordinary spaces.</summary>
    private const string PadSpace = "\u2001";

    /// <summary>
    /// The reporter's <c>ShouldReport</c>: <c>spec.report</c> set, not a Gerrit job, a presubmit or
    /// postsubmit. Crier tracks these jobs' states (<c>prev_report_states</c>) even when a status is not written.
    /// </summary>
    public static bool ReporterShouldReport(ProwJob job) =>
        job.Spec.Report
        && !(job.Metadata.Labels?.GetValueOrDefault(GerritReportLabel) is { Length: > 0 })
        && job.Spec.Type is ProwJobType.Presubmit or ProwJobType.Postsubmit;

    /// <summary>Prow's <c>report.ShouldReport</c>: the job's type is one of <c>job_types_to_report</c> (default presubmit, postsubmit) and it reports.</summary>
    public static bool ShouldReport(ProwJob job, IReadOnlyCollection<string>? jobTypesToReport)
    {
        var types = jobTypesToReport is { Count: > 0 } ? jobTypesToReport : ["presubmit", "postsubmit"];
        return job.Spec.Type is { } type && types.Contains(TypeName(type)) && job.Spec.Report;
    }

    /// <summary>The GitHub status state of a job state; null for states Prow cannot report (scheduling, none).</summary>
    public static string? GitHubState(ProwJobState? state) => state switch
    {
        ProwJobState.Triggered or ProwJobState.Pending => "pending",
        ProwJobState.Success => "success",
        ProwJobState.Error => "error",
        ProwJobState.Failure or ProwJobState.Aborted => "failure",
        _ => null,
    };

    /// <summary>
    /// The commit status of the job's current state (Prow's <c>ReportStatusContext</c>), or null when
    /// none is written: not reported, no refs, a batch (several pulls) or an unreportable state.
    /// Presubmits report on the PR's head SHA, others on <c>refs.base_sha</c>.
    /// </summary>
    public static StatusReport? Status(ProwJob job, GitHubReporterConfig? config)
    {
        if (!ShouldReport(job, config?.JobTypesToReport)) return null;
        if (job.Spec.Refs is not { } refs || refs.Pulls is { Count: > 1 }) return null;
        if (GitHubState(job.Status.State) is not { } state) return null;
        var sha = refs.Pulls is { Count: > 0 } pulls ? pulls[0].Sha : refs.BaseSha;
        return new StatusReport(refs.Org, refs.Repo, sha, new CommitStatus
        {
            State = state,
            Description = ContextDescriptionWithBaseSha(job.Status.Description, refs.BaseSha),
            Context = job.Spec.Context,
            TargetUrl = job.Status.Url,
        });
    }

    /// <summary>
    /// Prow's <c>ContextDescriptionWithBaseSha</c>: the description, then (when there is a base SHA)
    /// " BaseSHA:&lt;sha&gt;" left-padded with U+2001 towards 140 bytes so it sits at a stable place; the
    /// description is shortened in the middle (" ... ") to fit. Lengths are UTF-8 bytes, as in Go,
    /// including Go's loop that pads while i &lt; 140 - len(description + suffix) with the suffix growing.
    /// </summary>
    public static string ContextDescriptionWithBaseSha(string humanReadable, string baseSha)
    {
        var suffix = "";
        if (baseSha.Length > 0)
        {
            suffix = BaseShaDelimiter + baseSha;
            if (Bytes(humanReadable) + Bytes(suffix) < ContextDescriptionMaxLength)
            {
                for (var i = 0; i < ContextDescriptionMaxLength - (Bytes(humanReadable) + Bytes(suffix)); i++)
                    suffix = PadSpace + suffix;
            }
        }
        return Truncate(humanReadable, ContextDescriptionMaxLength - Bytes(suffix)) + suffix;
    }

    /// <summary>Prow's <c>truncate</c>: longer than <paramref name="maxBytes"/> → first half + " ... " + last half (bytes).</summary>
    public static string Truncate(string value, int maxBytes)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        if (bytes.Length <= maxBytes) return value;
        var half = (maxBytes - Elide.Length) / 2;
        // Go slices bytes; a cut through a character decodes as U+FFFD, as GitHub would show Go's invalid UTF-8.
        return Encoding.UTF8.GetString(bytes, 0, Math.Max(half, 0)) + Elide + Encoding.UTF8.GetString(bytes, bytes.Length - Math.Max(half, 0), Math.Max(half, 0));
    }

    /// <summary>Prow's name of a job type ("presubmit").</summary>
    public static string TypeName(ProwJobType type) => type switch
    {
        ProwJobType.Presubmit => "presubmit",
        ProwJobType.Postsubmit => "postsubmit",
        ProwJobType.Periodic => "periodic",
        ProwJobType.Batch => "batch",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static int Bytes(string value) => Encoding.UTF8.GetByteCount(value);
}
