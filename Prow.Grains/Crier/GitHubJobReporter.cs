using Prow.Abstractions.Config;
using Prow.Abstractions.Jobs;
using Prow.Grains.Ports;

namespace Prow.Grains.Crier;

/// <summary>
/// Crier's github-reporter as an <see cref="IJobReporter"/>: the commit status, then (presubmits of one pull,
/// complete) the failed-tests comment through the PR's <see cref="IFailedTestsCommentGrain"/>, which takes one
/// job at a time. Registered only where the host has GitHub credentials, as Prow's crier with --github-workers.
/// </summary>
public sealed class GitHubJobReporter(IGitHub github, IGrainFactory grains) : IJobReporter
{
    public string Name => GitHubReport.ReporterName;

    public bool ShouldReport(ProwJob job, ProwConfig config) => GitHubReport.ReporterShouldReport(job);

    public async Task ReportAsync(ProwJob job, ProwConfig config, CancellationToken cancellationToken)
    {
        if (await GitHubReporter.ReportStatusAsync(github, job, config, cancellationToken)
            && await grains.GetGrain<IFailedTestsCommentGrain>(FailedTestsCommentGrain.Key(job.Spec.Refs!)).Update(job) is { } error)
        {
            throw new GitHubException(0, "failed-tests comment", error);
        }
    }
}
