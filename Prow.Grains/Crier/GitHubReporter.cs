using System.Net;
using Prow.Abstractions.Config;
using Prow.Abstractions.Jobs;
using Prow.Grains.Ports;

namespace Prow.Grains.Crier;

/// <summary>
/// Writes one job state to GitHub as Prow's github-reporter does: the commit status, then (presubmits of
/// one pull, unless the repo is in <c>no_comment_repos</c>) the failed-tests comment. Throws
/// <see cref="GitHubException"/>/<see cref="HttpRequestException"/> when a call failed and the report should be retried.
/// </summary>
public static class GitHubReporter
{
    /// <summary>
    /// Creates the job's commit status. False when the report ends there: GitHub will never take the status
    /// (Prow's unrecoverable errors, not retried), or the job gets no failed-tests comment.
    /// </summary>
    public static async Task<bool> ReportStatusAsync(IGitHub github, ProwJob job, ProwConfig config, CancellationToken cancellationToken = default)
    {
        var reporter = config.GitHubReporter;
        if (GitHubReport.Status(job, reporter) is { } status)
        {
            try
            {
                await github.CreateStatusAsync(status.Org, status.Repo, status.Sha, status.Status, cancellationToken);
            }
            catch (GitHubException e) when (IsUnrecoverable(e))
            {
                // As Prow: a force-pushed SHA or a full status list will never take the status; no retry, no comment.
                return false;
            }
        }
        return WantsComment(job, config);
    }

    /// <summary>Whether the job's state may change its PR's failed-tests comment (a complete, reported presubmit of one pull, comments not opted out).</summary>
    public static bool WantsComment(ProwJob job, ProwConfig config)
    {
        if (job.Spec.Type != ProwJobType.Presubmit || job.Spec.Refs is not { Pulls.Count: 1 } refs) return false;
        if (config.GitHubReporter.NoCommentRepos is { } noComment && (noComment.Contains(refs.Org) || noComment.Contains($"{refs.Org}/{refs.Repo}"))) return false;
        return job.Complete && GitHubReport.ShouldReport(job, config.GitHubReporter.JobTypesToReport);
    }

    /// <summary>Brings the PR's failed-tests comment up to date with the job's (final) state. Callers serialize this per PR.</summary>
    public static async Task UpdateCommentAsync(IGitHub github, ProwJob job, ProwConfig config, CancellationToken cancellationToken = default)
    {
        if (!WantsComment(job, config)) return;
        var refs = job.Spec.Refs!;
        var number = refs.Pulls![0].Number;
        var comments = await github.ListIssueCommentsAsync(refs.Org, refs.Repo, number, cancellationToken);
        var bot = await github.GetBotUserAsync(cancellationToken);
        var template = FailedTestsComment.ReportTemplateFor(config.Plank, refs);
        if (FailedTestsComment.Plan([job], config.GitHubReporter.JobTypesToReport, FailedTestsComment.BotChecker(bot.Login), comments, reportTemplate: template) is not { } plan) return;
        foreach (var id in plan.Deletes)
        {
            try
            {
                await github.DeleteCommentAsync(refs.Org, refs.Repo, id, cancellationToken);
            }
            catch (GitHubException e) when (e.IsNotFound)
            {
                // Already gone (a retry after a partial report).
            }
        }
        if (plan.Body is null) return;
        if (plan.UpdateId == 0) await github.CreateCommentAsync(refs.Org, refs.Repo, number, plan.Body, cancellationToken);
        else await github.EditCommentAsync(refs.Org, refs.Repo, plan.UpdateId, plan.Body, cancellationToken);
    }

    /// <summary>Prow's errors that are not retried: the SHA is gone (force push) or has too many statuses.</summary>
    public static bool IsUnrecoverable(GitHubException e) =>
        e.StatusCode == HttpStatusCode.NotFound
        || e.Message.Contains("No commit found for SHA", StringComparison.Ordinal)
        || e.Message.Contains("This SHA and context has reached the maximum number of statuses", StringComparison.Ordinal);
}
