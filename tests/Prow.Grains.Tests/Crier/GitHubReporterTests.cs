using System.Net;
using System.Reflection;
using Prow.Abstractions.Config;
using Prow.Abstractions.Config.Reporting;
using Prow.Abstractions.Jobs;
using Prow.Grains.Crier;
using Prow.Grains.Ports;

namespace Prow.Grains.Tests.Crier;

/// <summary>What the reporter asks of GitHub for one job state (statuses, comment opt-outs, Prow's unrecoverable errors).</summary>
public sealed class GitHubReporterTests
{
    private static ProwJob Failed(ProwJobType type = ProwJobType.Presubmit)
    {
        var job = GitHubReportTests.Job(type, ProwJobState.Failure, "Job failed.", pulls: type == ProwJobType.Presubmit ? 1 : 0);
        job.Status.CompletionTime = DateTimeOffset.UnixEpoch;
        return job;
    }

    private static async Task<IReadOnlyList<string>> Report(ProwJob job, ProwConfig config, IGitHub? github = null)
    {
        var recording = new RecordingGitHub();
        github ??= recording;
        if (await GitHubReporter.ReportStatusAsync(github, job, config)) await GitHubReporter.UpdateCommentAsync(github, job, config);
        return github is RecordingGitHub r ? r.Calls : ((ThrowingStatuses)(object)github).Inner.Calls;
    }

    [Fact]
    public async Task A_failed_presubmit_gets_a_status_and_a_comment()
    {
        var calls = await Report(Failed(), new ProwConfig());
        Assert.Equal("CreateStatus", calls[0].Split(' ')[0]);
        Assert.Contains(calls, c => c.StartsWith("CreateComment org/repo#7", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_postsubmit_gets_only_a_status()
    {
        var calls = await Report(Failed(ProwJobType.Postsubmit), new ProwConfig());
        Assert.Equal("CreateStatus", Assert.Single(calls).Split(' ')[0]);
    }

    [Theory]
    [InlineData("org")]
    [InlineData("org/repo")]
    public async Task No_comment_repos_get_only_the_status(string entry)
    {
        var config = new ProwConfig { GitHubReporter = new GitHubReporterConfig { NoCommentRepos = [entry] } };
        var calls = await Report(Failed(), config);
        Assert.Equal("CreateStatus", Assert.Single(calls).Split(' ')[0]);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "Not Found")]
    [InlineData((HttpStatusCode)422, "No commit found for SHA: def")]
    [InlineData((HttpStatusCode)422, "This SHA and context has reached the maximum number of statuses.")]
    public async Task A_status_GitHub_will_never_take_ends_the_report_without_error(HttpStatusCode code, string message)
    {
        var github = ThrowingStatuses.Create(new GitHubException(code, "POST /repos/org/repo/statuses/def", message));
        var calls = await Report(Failed(), new ProwConfig(), github);
        Assert.Empty(calls);
    }

    [Fact]
    public async Task Other_status_errors_are_thrown_for_a_retry()
    {
        var github = ThrowingStatuses.Create(new GitHubException(HttpStatusCode.InternalServerError, "POST /repos/org/repo/statuses/def", "boom"));
        await Assert.ThrowsAsync<GitHubException>(() => Report(Failed(), new ProwConfig(), github));
    }

    /// <summary>A <see cref="RecordingGitHub"/> whose CreateStatusAsync throws.</summary>
    public class ThrowingStatuses : DispatchProxy
    {
        public RecordingGitHub Inner { get; private set; } = new();
        private Exception _error = null!;

        public static IGitHub Create(Exception error)
        {
            var proxy = DispatchProxy.Create<IGitHub, ThrowingStatuses>();
            ((ThrowingStatuses)(object)proxy)._error = error;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod!.Name == nameof(IGitHub.CreateStatusAsync) ? Task.FromException(_error) : targetMethod.Invoke(Inner, args);
    }
}
