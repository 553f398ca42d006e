using Prow.Abstractions.Jobs;
using Prow.Grains.Crier;
using Prow.Grains.Jobs;
using Prow.Silo.Tests.Jobs;
using Prow.TestSupport;
using Prow.TestSupport.FakeGitHub;

namespace Prow.Silo.Tests.Crier;

/// <summary>
/// Crier's github-reporter in the host: ProwJob grains on a fake build cluster report their states to the
/// recording fake GitHub (over HTTP, with a token): statuses once per state, the failed-tests comment.
/// </summary>
public sealed class GitHubReporterTests : IAsyncLifetime
{
    private const string Org = "org";
    private const string Repo = "repo";
    private const string HeadSha = "def"; // JobHostFixture's presubmit refs: base_sha abc, PR 7 by alice at def
    private const string StatusPath = $"/repos/{Org}/{Repo}/statuses/{HeadSha}";

    private readonly TempDirectory _dir = new();
    private readonly FakeBuildCluster _cluster = new();
    private FakeGitHubServer _github = null!;

    public async Task InitializeAsync()
    {
        _github = await FakeGitHubServer.StartAsync();
        _github.AddRepo(Org, Repo);
        _github.AddPullRequest(Org, Repo, 7, author: "alice");
    }

    public async Task DisposeAsync()
    {
        await _github.DisposeAsync();
        _dir.Dispose();
    }

    private Task<JobHost> StartHostAsync() => JobHost.StartAsync(_dir, _cluster, github: _github);

    private static ProwJob Presubmit(string job, string context, bool optional = false)
    {
        var created = JobHostFixture.NewJob(job, ProwJobType.Presubmit, spec =>
        {
            spec.Report = true;
            spec.Context = context;
            spec.RerunCommand = $"/test {job}";
        });
        created.Metadata.Labels![ProwJobLabels.IsOptional] = optional ? "true" : "false";
        return created;
    }

    private static string Description(string humanReadable) => GitHubReport.ContextDescriptionWithBaseSha(humanReadable, "abc");

    /// <summary>The statuses GitHub accepted for <paramref name="context"/>, in order: (state, description).</summary>
    private List<(string State, string Description)> Statuses(string context) =>
        [.. _github.RequestsTo("POST", StatusPath)
            .Where(r => r.Status == 201 && (string?)r.Json!["context"] == context)
            .Select(r => ((string)r.Json!["state"]!, (string)r.Json!["description"]!))];

    private List<FakeComment> Comments()
    {
        var comments = new List<FakeComment>();
        _github.Change(() => comments.AddRange(_github.Repo(Org, Repo).Comments.Where(c => c.IssueNumber == 7).Select(c => new FakeComment
        {
            Id = c.Id, IssueNumber = c.IssueNumber, Author = c.Author, Body = c.Body,
        })));
        return comments;
    }

    private static Task<ProwJob> WaitReported(JobHost host, ProwJob job, ProwJobState state) =>
        host.WaitForAsync(job.Name, j => j.Status.PrevReportStates?.GetValueOrDefault(GitHubReport.ReporterName) == state, $"{job.Name} reported as {state}");

    private async Task FinishAsync(JobHost host, ProwJob job, bool succeed)
    {
        var workload = _cluster.Workload(job.Name)! with
        {
            Phase = succeed ? WorkloadPhase.Succeeded : WorkloadPhase.Failed,
            AllContainersSucceeded = succeed,
        };
        _cluster.Set(job.Name, workload);
        await host.Events.WorkloadChangedAsync(job.Name, workload);
        await WaitReported(host, job, succeed ? ProwJobState.Success : ProwJobState.Failure);
    }

    private static string Row(string context, string job) => $"{context} | {HeadSha} | [link]() | true | `/test {job}`";

    [Fact]
    public async Task Presubmits_report_each_state_once_and_keep_the_failed_tests_comment()
    {
        await using var host = await StartHostAsync();
        var unit = Presubmit("unit", "pull-unit");
        await host.Job(unit.Name).Create(unit);
        await WaitReported(host, unit, ProwJobState.Pending);

        // Triggered and pending are both GitHub "pending", each reported once, on the PR head with Prow's description.
        Assert.Equal([("pending", Description("")), ("pending", Description("Job triggered."))], Statuses("pull-unit"));
        Assert.Empty(Comments());

        await FinishAsync(host, unit, succeed: false);
        Assert.Equal(("failure", Description("Job failed.")), Statuses("pull-unit")[^1]);
        var comment = Assert.Single(Comments());
        Assert.Equal(FailedTestsComment.Create(unit, [Row("pull-unit", "unit")]), comment.Body);
        Assert.Equal("prow-bot", comment.Author);

        // A second job of the PR fails: the comment is replaced by one with both rows.
        var lint = Presubmit("lint", "pull-lint");
        await host.Job(lint.Name).Create(lint);
        await WaitReported(host, lint, ProwJobState.Pending);
        await FinishAsync(host, lint, succeed: false);
        comment = Assert.Single(Comments());
        Assert.Equal(FailedTestsComment.Create(lint, [Row("pull-unit", "unit"), Row("pull-lint", "lint")]), comment.Body);

        // A retest of unit passes: its row goes, the comment is edited.
        var retest = Presubmit("unit", "pull-unit");
        await host.Job(retest.Name).Create(retest);
        await WaitReported(host, retest, ProwJobState.Pending);
        await FinishAsync(host, retest, succeed: true);
        var edited = Assert.Single(Comments());
        Assert.Equal(comment.Id, edited.Id);
        Assert.Equal(FailedTestsComment.Create(retest, [Row("pull-lint", "lint")]), edited.Body);
        Assert.Equal(("success", Description("Job succeeded.")), Statuses("pull-unit")[^1]);

        // lint passes too: no row remains, the comment is deleted.
        var relint = Presubmit("lint", "pull-lint");
        await host.Job(relint.Name).Create(relint);
        await WaitReported(host, relint, ProwJobState.Pending);
        await FinishAsync(host, relint, succeed: true);
        Assert.Empty(Comments());
        Assert.Single(_github.RequestsTo("DELETE", $"/repos/{Org}/{Repo}/issues/comments/{edited.Id}"));
    }

    [Fact]
    public async Task Jobs_of_one_PR_failing_together_leave_one_comment_with_both_rows()
    {
        await using var host = await StartHostAsync();
        var a = Presubmit("a", "pull-a");
        var b = Presubmit("b", "pull-b");
        await Task.WhenAll(host.Job(a.Name).Create(a), host.Job(b.Name).Create(b));
        await WaitReported(host, a, ProwJobState.Pending);
        await WaitReported(host, b, ProwJobState.Pending);

        await Task.WhenAll(FinishAsync(host, a, succeed: false), FinishAsync(host, b, succeed: false));

        // The PR's comment grain takes one job at a time: the second sees the first's comment and replaces it.
        var comment = Assert.Single(Comments());
        Assert.Contains(comment.Body, new[]
        {
            FailedTestsComment.Create(a, [Row("pull-a", "a"), Row("pull-b", "b")]),
            FailedTestsComment.Create(a, [Row("pull-b", "b"), Row("pull-a", "a")]),
        });
    }

    [Fact]
    public async Task A_restart_does_not_report_a_state_again()
    {
        var job = Presubmit("restarted", "pull-restarted");
        await using (var first = await StartHostAsync())
        {
            await first.Job(job.Name).Create(job);
            await WaitReported(first, job, ProwJobState.Pending);
        }
        var before = Statuses("pull-restarted");

        // The workload finishes while no silo runs; the next silo's reminder finds it and reports only the new state.
        _cluster.Set(job.Name, _cluster.Workload(job.Name)! with { Phase = WorkloadPhase.Succeeded, AllContainersSucceeded = true });
        await using var second = await StartHostAsync();
        await WaitReported(second, job, ProwJobState.Success);

        Assert.Equal([.. before, ("success", Description("Job succeeded."))], Statuses("pull-restarted"));
        Assert.Equal(2, before.Count);
    }

    [Fact]
    public async Task A_failed_status_post_is_retried_until_GitHub_takes_it()
    {
        _github.FailNext("POST", StatusPath, count: 3, status: 500);
        await using var host = await StartHostAsync();
        var job = Presubmit("flaky", "pull-flaky");
        await host.Job(job.Name).Create(job);
        await WaitReported(host, job, ProwJobState.Pending);

        Assert.Equal(3, _github.RequestsTo("POST", StatusPath).Count(r => r.Status == 500));
        // The job was not held up by GitHub: it went pending while the triggered report failed, so the retry reports
        // the state the job is in by then (as crier reports the job it sees), once.
        Assert.Equal([("pending", Description("Job triggered."))], Statuses("pull-flaky"));
        await FinishAsync(host, job, succeed: true);
        Assert.Equal([("pending", Description("Job triggered.")), ("success", Description("Job succeeded."))], Statuses("pull-flaky"));
    }

    [Fact]
    public async Task A_failed_comment_write_is_retried_and_leaves_one_comment()
    {
        _github.FailNext("POST", $"/repos/{Org}/{Repo}/issues/7/comments", count: 2, status: 502);
        await using var host = await StartHostAsync();
        var job = Presubmit("commented", "pull-commented");
        await host.Job(job.Name).Create(job);
        await WaitReported(host, job, ProwJobState.Pending);
        await FinishAsync(host, job, succeed: false);

        Assert.Equal(FailedTestsComment.Create(job, [Row("pull-commented", "commented")]), Assert.Single(Comments()).Body);
        // The whole report is retried, as crier retries it: the status again, then the comment.
        Assert.Equal(3, _github.RequestsTo("POST", $"/repos/{Org}/{Repo}/issues/7/comments").Count);
        Assert.Equal(Enumerable.Repeat(("failure", Description("Job failed.")), 3), Statuses("pull-commented").Skip(2));
    }

    [Fact]
    public async Task Without_GitHub_credentials_nothing_is_reported_and_the_job_completes()
    {
        await using var host = await JobHost.StartAsync(_dir, _cluster);
        var job = Presubmit("offline", "pull-offline");
        await host.Job(job.Name).Create(job);
        await host.WaitForAsync(job.Name, j => j.Status.State == ProwJobState.Pending, "pending");
        var workload = _cluster.Workload(job.Name)! with { Phase = WorkloadPhase.Succeeded, AllContainersSucceeded = true };
        _cluster.Set(job.Name, workload);
        await host.Events.WorkloadChangedAsync(job.Name, workload);

        var done = await host.WaitForAsync(job.Name, j => j.Complete, "complete");
        Assert.Null(done.Status.PrevReportStates);
        Assert.Empty(_github.Requests);
    }
}
