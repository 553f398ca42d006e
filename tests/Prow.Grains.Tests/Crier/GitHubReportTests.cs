using Prow.Abstractions.Config.Reporting;
using Prow.Abstractions.Jobs;
using Prow.Grains.Crier;

namespace Prow.Grains.Tests.Crier;

/// <summary>Crier's GitHub status rules, checked against Prow's github/report and crier/reporters/github.</summary>
public sealed class GitHubReportTests
{
    private const string BaseSha = "8d287a3aeae90fd0aef4a70009c715712ff302cd";
    private const string HeadSha = "0123456789abcdef0123456789abcdef01234567";

    internal static ProwJob Job(ProwJobType type = ProwJobType.Presubmit, ProwJobState state = ProwJobState.Pending, string description = "Job triggered.",
        bool report = true, string context = "pull-unit", int pulls = 1, string url = "https://prow.example.com/view/1")
    {
        var job = new ProwJob();
        job.Metadata.Name = "job-" + context;
        job.Spec.Type = type;
        job.Spec.Job = context;
        job.Spec.Context = context;
        job.Spec.Report = report;
        job.Spec.RerunCommand = $"/test {context}";
        job.Spec.Refs = type == ProwJobType.Periodic ? null : new Refs
        {
            Org = "org", Repo = "repo", BaseRef = "main", BaseSha = BaseSha,
            Pulls = pulls == 0 ? null : [.. Enumerable.Range(0, pulls).Select(i => new Pull { Number = 7 + i, Author = "alice", Sha = i == 0 ? HeadSha : "other" })],
        };
        job.Status.State = state;
        job.Status.Description = description;
        job.Status.Url = url;
        return job;
    }

    [Theory]
    [InlineData(ProwJobState.Triggered, "pending")]
    [InlineData(ProwJobState.Pending, "pending")]
    [InlineData(ProwJobState.Success, "success")]
    [InlineData(ProwJobState.Failure, "failure")]
    [InlineData(ProwJobState.Aborted, "failure")]
    [InlineData(ProwJobState.Error, "error")]
    [InlineData(ProwJobState.Scheduling, null)]
    public void States_map_as_Prow_maps_them(ProwJobState state, string? expected) =>
        Assert.Equal(expected, GitHubReport.GitHubState(state));

    [Fact]
    public void A_presubmit_reports_on_the_pull_head_with_context_url_and_base_sha_description()
    {
        var report = GitHubReport.Status(Job(), new GitHubReporterConfig())!;

        Assert.Equal(("org", "repo", HeadSha), (report.Org, report.Repo, report.Sha));
        Assert.Equal("pending", report.Status.State);
        Assert.Equal("pull-unit", report.Status.Context);
        Assert.Equal("https://prow.example.com/view/1", report.Status.TargetUrl);
        // 14 + 49 bytes; Go pads while i < 140 - len(h + suffix) with each U+2001 adding 3 bytes: 20 pads.
        Assert.Equal("Job triggered." + new string('\u2001', 20) + " BaseSHA:" + BaseSha, report.Status.Description);
    }

    [Fact]
    public void A_postsubmit_reports_on_the_pushed_sha()
    {
        var report = GitHubReport.Status(Job(ProwJobType.Postsubmit, ProwJobState.Success, "Job succeeded.", pulls: 0), null)!;
        Assert.Equal(BaseSha, report.Sha);
        Assert.Equal("success", report.Status.State);
    }

    [Theory]
    [InlineData(ProwJobType.Presubmit, true, 1, null, true)]
    [InlineData(ProwJobType.Postsubmit, true, 0, null, true)]
    [InlineData(ProwJobType.Presubmit, false, 1, null, false)] // skip_report
    [InlineData(ProwJobType.Periodic, true, 0, null, false)]
    [InlineData(ProwJobType.Batch, true, 2, null, false)]
    [InlineData(ProwJobType.Presubmit, true, 2, null, false)] // several pulls: a batch, not reported
    [InlineData(ProwJobType.Postsubmit, true, 0, "presubmit", false)] // job_types_to_report
    [InlineData(ProwJobType.Presubmit, true, 1, "presubmit", true)]
    public void Which_jobs_write_a_status(ProwJobType type, bool report, int pulls, string? onlyType, bool expected)
    {
        var config = new GitHubReporterConfig { JobTypesToReport = onlyType is null ? null : [onlyType] };
        Assert.Equal(expected, GitHubReport.Status(Job(type, report: report, pulls: pulls), config) is not null);
    }

    [Theory]
    [InlineData(ProwJobType.Presubmit, true, true)]
    [InlineData(ProwJobType.Postsubmit, true, true)]
    [InlineData(ProwJobType.Presubmit, false, false)]
    [InlineData(ProwJobType.Periodic, true, false)]
    [InlineData(ProwJobType.Batch, true, false)]
    public void The_reporter_tracks_reported_presubmits_and_postsubmits(ProwJobType type, bool report, bool expected) =>
        Assert.Equal(expected, GitHubReport.ReporterShouldReport(Job(type, report: report, pulls: type == ProwJobType.Batch ? 2 : 1)));

    [Fact]
    public void Gerrit_jobs_are_not_reported_to_GitHub()
    {
        var job = Job();
        job.Metadata.Labels = new() { [GitHubReport.GerritReportLabel] = "Verified" };
        Assert.False(GitHubReport.ReporterShouldReport(job));
    }

    [Fact]
    public void Without_a_base_sha_the_description_is_only_truncated()
    {
        Assert.Equal("Job failed.", GitHubReport.ContextDescriptionWithBaseSha("Job failed.", ""));
        var longText = new string('a', 100) + new string('b', 100);
        // half = (140 - 5) / 2 = 67.
        Assert.Equal(new string('a', 67) + " ... " + new string('b', 67), GitHubReport.ContextDescriptionWithBaseSha(longText, ""));
    }

    [Fact]
    public void A_long_description_is_cut_in_the_middle_to_leave_room_for_the_base_sha()
    {
        var description = GitHubReport.ContextDescriptionWithBaseSha(new string('a', 60) + new string('b', 60), BaseSha);
        // 120 + 49 >= 140: no padding; the description gets 140 - 49 = 91 bytes, half = 43.
        Assert.Equal(new string('a', 43) + " ... " + new string('b', 43) + " BaseSHA:" + BaseSha, description);
        Assert.Equal(140, System.Text.Encoding.UTF8.GetByteCount(description));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Job triggered.")]
    [InlineData("Pod can not be created: something went wrong and the message is rather long, longer than fits")]
    [InlineData("Überprüfung fehlgeschlagen")]
    public void Descriptions_never_exceed_140_bytes_and_end_with_the_base_sha(string humanReadable)
    {
        var description = GitHubReport.ContextDescriptionWithBaseSha(humanReadable, BaseSha);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(description) <= 140, description);
        Assert.EndsWith(" BaseSHA:" + BaseSha, description, StringComparison.Ordinal);
    }

    [Fact]
    public void Go_pads_until_its_moving_bound_is_reached()
    {
        // 135 - 49 = 86-byte description: n = 140 - 135 = 5 → i=0 (0<5), i=1 (1<2): two pads → 141 bytes,
        // so Go then truncates the description to 140 - 55 = 85 bytes (half 40).
        var humanReadable = new string('x', 86);
        var description = GitHubReport.ContextDescriptionWithBaseSha(humanReadable, BaseSha);
        Assert.Equal(new string('x', 40) + " ... " + new string('x', 40) + "\u2001\u2001 BaseSHA:" + BaseSha, description);
    }
}
