using Microsoft.Extensions.Logging.Abstractions;
using Prow.Abstractions.Config;
using Prow.Abstractions.Config.Reporting;
using Prow.Abstractions.Jobs;
using Prow.Grains.Crier;
using Prow.Grains.Ports;
using Prow.TestSupport;

namespace Prow.Grains.Tests.Crier;

/// <summary>Crier's slackreporter rules, checked against Prow's crier/reporters/slack (ShouldReport, getConfig, ApplyDefault).</summary>
public sealed class SlackReportTests
{
    private static ProwJob Job(ProwJobType type = ProwJobType.Postsubmit, ProwJobState state = ProwJobState.Failure,
        SlackReporterConfig? slack = null, string org = "org", string repo = "repo")
    {
        var job = GitHubReportTests.Job(type, state, context: "post-build");
        if (job.Spec.Refs is { } refs)
        {
            refs.Org = org;
            refs.Repo = repo;
        }
        if (slack is not null) job.Spec.ReporterConfig = new ReporterConfig { Slack = slack };
        return job;
    }

    private static SlackReporter Global(string channel, string[]? types = null, string[]? states = null, string template = "", string host = "") => new()
    {
        Channel = channel,
        JobTypesToReport = types?.ToList(),
        JobStatesToReport = states?.ToList(),
        ReportTemplate = template,
        Host = host,
    };

    private static ProwConfig Config(params (string Key, SlackReporter Reporter)[] entries) =>
        new() { SlackReporterConfigs = entries.ToDictionary(e => e.Key, e => e.Reporter) };

    private static readonly ProwConfig Star = Config(("*", Global("#ci", ["postsubmit", "periodic"], ["failure", "error"])));

    [Theory]
    [InlineData(ProwJobType.Postsubmit, ProwJobState.Failure, true)]
    [InlineData(ProwJobType.Postsubmit, ProwJobState.Error, true)]
    [InlineData(ProwJobType.Postsubmit, ProwJobState.Success, false)]
    [InlineData(ProwJobType.Postsubmit, ProwJobState.Pending, false)]
    [InlineData(ProwJobType.Periodic, ProwJobState.Failure, true)]
    [InlineData(ProwJobType.Presubmit, ProwJobState.Failure, false)]
    [InlineData(ProwJobType.Batch, ProwJobState.Failure, false)]
    public void The_global_config_filters_by_job_type_and_state(ProwJobType type, ProwJobState state, bool expected) =>
        Assert.Equal(expected, SlackReport.ShouldReport(Job(type, state), Star));

    [Fact]
    public void Without_slack_reporter_configs_or_job_config_nothing_is_reported()
    {
        Assert.False(SlackReport.ShouldReport(Job(), new ProwConfig()));
        Assert.Null(SlackReport.Target(Job(), new ProwConfig()));
    }

    [Fact]
    public void The_most_specific_key_wins_org_repo_then_org_then_star()
    {
        var config = Config(
            ("*", Global("#star", ["postsubmit"], ["failure"])),
            ("org", Global("#org", ["postsubmit"], ["failure"])),
            ("org/repo", Global("#repo", ["postsubmit"], ["failure"])));

        Assert.Equal("#repo", SlackReport.Target(Job(org: "org", repo: "repo"), config)!.Channel);
        Assert.Equal("#org", SlackReport.Target(Job(org: "org", repo: "other"), config)!.Channel);
        Assert.Equal("#star", SlackReport.Target(Job(org: "elsewhere", repo: "repo"), config)!.Channel);
        // A periodic without refs uses "*"; with extra_refs, the first of them picks the key.
        Assert.Equal("#star", SlackReport.Target(Job(ProwJobType.Periodic), config)!.Channel);
        var periodic = Job(ProwJobType.Periodic);
        periodic.Spec.ExtraRefs = [new Refs { Org = "org", Repo = "repo" }];
        Assert.Equal("#repo", SlackReport.Target(periodic, config)!.Channel);
    }

    [Fact]
    public void A_more_specific_key_replaces_the_less_specific_one_whole()
    {
        // Prow picks one entry; it does not merge "org/repo" with "*": the repo's types are all that count.
        var config = Config(("*", Global("#star", ["postsubmit"], ["failure"])), ("org/repo", Global("#repo", ["periodic"], ["failure"])));
        Assert.False(SlackReport.ShouldReport(Job(ProwJobType.Postsubmit), config));
        Assert.True(SlackReport.ShouldReport(Job(ProwJobType.Postsubmit, repo: "other"), config));
    }

    [Fact]
    public void The_job_config_overrides_channel_states_and_template_and_inherits_the_rest()
    {
        var config = Config(("*", Global("#ci", ["postsubmit"], ["failure"], template: "global {{.Spec.Job}}", host: "corp")));
        var job = Job(state: ProwJobState.Success, slack: new SlackReporterConfig
        {
            Channel = "#team",
            JobStatesToReport = [ProwJobState.Success],
        });

        var target = SlackReport.Target(job, config)!;
        Assert.Equal(("corp", "#team", "global {{.Spec.Job}}", (bool?)null), (target.Host, target.Channel, target.ReportTemplate, target.Report));
        Assert.Equal([ProwJobState.Success], target.JobStatesToReport);
        Assert.True(SlackReport.ShouldReport(job, config));
        // The job's states replace the global ones: failure is no longer reported for it.
        job.Status.State = ProwJobState.Failure;
        Assert.False(SlackReport.ShouldReport(job, config));
    }

    [Fact]
    public void A_job_level_channel_reports_a_type_the_global_config_does_not()
    {
        var slack = new SlackReporterConfig { Channel = "#mine", JobStatesToReport = [ProwJobState.Failure] };
        Assert.True(SlackReport.ShouldReport(Job(ProwJobType.Presubmit, slack: slack), Star));
        // Even with no global entry at all, as long as the job names its channel and states.
        Assert.True(SlackReport.ShouldReport(Job(ProwJobType.Presubmit, slack: slack), new ProwConfig()));
        // Without states (own or global) there is nothing to report.
        Assert.False(SlackReport.ShouldReport(Job(ProwJobType.Presubmit, slack: new SlackReporterConfig { Channel = "#mine" }), new ProwConfig()));
        // A job-level config without a channel does not widen the types.
        Assert.False(SlackReport.ShouldReport(Job(ProwJobType.Presubmit, slack: new SlackReporterConfig { JobStatesToReport = [ProwJobState.Failure] }), Star));
    }

    [Fact]
    public void Report_false_opts_a_job_out()
    {
        var slack = new SlackReporterConfig { Report = false, JobStatesToReport = [ProwJobState.Failure] };
        Assert.False(SlackReport.ShouldReport(Job(slack: slack), Star));
        // job_states_to_report: [] becomes report: false when the ProwJob is made (Prow's setReportDefault).
        var spec = new ProwJobSpec { ReporterConfig = new ReporterConfig { Slack = new SlackReporterConfig { JobStatesToReport = [] } } };
        Assert.False(ProwJobFactory.ReportDefault(spec));
        Assert.False(SlackReport.ShouldReport(Job(slack: new SlackReporterConfig { Report = false }), Star));
    }

    [Fact]
    public void The_default_template_renders_job_type_state_and_url()
    {
        var job = Job(ProwJobType.Periodic, ProwJobState.Failure);
        var target = SlackReport.Target(job, Config(("*", Global("#ci", ["periodic"], ["failure"]))))!;
        Assert.Equal(
            "Job post-build of type periodic ended with state failure. <https://prow.example.com/view/1|View logs>",
            SlackReport.Message(job, target));
        Assert.Equal(SlackReport.Message(job, target), SlackReport.Message(job, target with { ReportTemplate = ComponentDefaults.DefaultSlackReportTemplate }));
    }

    [Fact]
    public void A_custom_template_sees_the_ProwJob_fields()
    {
        var job = Job(ProwJobType.Presubmit, ProwJobState.Success);
        var target = new SlackTarget("", "#ci", [ProwJobState.Success],
            "{{if eq .Status.State \"success\"}}:white_check_mark:{{else}}:x:{{end}} {{.Spec.Job}} on {{.Spec.Refs.Org}}/{{.Spec.Refs.Repo}}#{{with index .Spec.Refs.Pulls 0}}{{.Number}}{{end}}", null);
        Assert.Equal(":white_check_mark: post-build on org/repo#7", SlackReport.Message(job, target));
    }

    [Theory]
    [InlineData("{{.Spec.NoSuchField}}", "can't evaluate field NoSuchField")]
    [InlineData("{{if .Spec.Job}}unterminated", "")]
    [InlineData("{{range .Spec.ExtraRefs}}x{{end}}", "")]
    public void A_failing_template_reports_a_fixed_text_with_the_error(string template, string error)
    {
        var job = Job();
        var message = SlackReport.Message(job, new SlackTarget("", "#ci", [ProwJobState.Failure], template, null));
        Assert.StartsWith("Job post-build of type postsubmit is in state failure <https://prow.example.com/view/1|View logs> (the Slack report_template failed: ", message);
        Assert.Contains(error, message);
    }

    [Theory]
    [InlineData("", "*")]
    [InlineData("corp", "corp")]
    public void An_unset_host_is_the_default_host(string host, string expected) =>
        Assert.Equal(expected, SlackReport.Host(new SlackTarget(host, "#c", null, "", null)));

    [Fact]
    public void The_config_loader_fills_in_the_default_template()
    {
        using var dir = new TempDirectory();
        var load = ConfigLoader.Load(new ConfigPaths(dir.Write("config.yaml", """
            slack_reporter_configs:
              '*':
                channel: '#ci'
                job_types_to_report: [postsubmit]
                job_states_to_report: [failure]
              org/repo:
                channel: '#repo'
                host: corp
                job_types_to_report: [postsubmit]
                job_states_to_report: [success]
                report_template: 'Done: {{.Spec.Job}}'
            """), null, null), strict: true, DateTimeOffset.UtcNow);
        Assert.True(load.Succeeded, string.Join("\n", load.Diagnostics));
        var config = load.Snapshot!.Config;

        Assert.Equal(ComponentDefaults.DefaultSlackReportTemplate, SlackReport.Target(Job(repo: "other"), config)!.ReportTemplate);
        var job = Job(ProwJobType.Postsubmit, ProwJobState.Success, org: "org", repo: "repo");
        var repo = SlackReport.Target(job, config)!;
        Assert.Equal(("corp", "#repo", "Done: {{.Spec.Job}}"), (repo.Host, repo.Channel, repo.ReportTemplate));
        Assert.True(SlackReport.ShouldReport(job, config));
        Assert.Equal("Done: post-build", SlackReport.Message(job, repo));
    }
}

/// <summary>The slackreporter's use of the Slack client: host routing, channel, text, and what ends a report for good.</summary>
public sealed class SlackJobReporterTests
{
    private sealed class RecordingSlack(params string[] hosts) : ISlackClient
    {
        public List<(string Host, string Channel, string Text)> Posts { get; } = [];
        public string? Refusal { get; set; }
        public Exception? Failure { get; set; }

        public bool HasHost(string host) => hosts.Contains(host);

        public Task<string?> PostMessageAsync(string host, string channel, string text, CancellationToken cancellationToken)
        {
            if (Failure is not null) throw Failure;
            Posts.Add((host, channel, text));
            return Task.FromResult(Refusal);
        }
    }

    private static ProwConfig Config() => new()
    {
        SlackReporterConfigs = new()
        {
            ["*"] = new SlackReporter { Channel = "#ci", JobTypesToReport = ["postsubmit"], JobStatesToReport = ["failure"], ReportTemplate = "{{.Spec.Job}} {{.Status.State}}" },
            ["corp-org"] = new SlackReporter { Channel = "#corp", Host = "corp", JobTypesToReport = ["postsubmit"], JobStatesToReport = ["failure"], ReportTemplate = "corp {{.Spec.Job}}" },
        },
    };

    private static ProwJob Job(string org = "org")
    {
        var job = GitHubReportTests.Job(ProwJobType.Postsubmit, ProwJobState.Failure, context: "post-build");
        job.Spec.Refs!.Org = org;
        return job;
    }

    [Fact]
    public async Task Posts_the_rendered_text_to_the_channel_on_the_configs_host()
    {
        var slack = new RecordingSlack("*", "corp");
        var reporter = new SlackJobReporter(slack, NullLogger<SlackJobReporter>.Instance);

        Assert.Equal(SlackReport.ReporterName, reporter.Name);
        Assert.True(reporter.ShouldReport(Job(), Config()));
        await reporter.ReportAsync(Job(), Config(), CancellationToken.None);
        await reporter.ReportAsync(Job("corp-org"), Config(), CancellationToken.None);

        Assert.Equal([("*", "#ci", "post-build failure"), ("corp", "#corp", "corp post-build")], slack.Posts);
    }

    [Fact]
    public async Task A_host_without_credentials_or_a_refusal_ends_the_report_without_a_retry()
    {
        var slack = new RecordingSlack("*") { Refusal = "channel_not_found" };
        var reporter = new SlackJobReporter(slack, NullLogger<SlackJobReporter>.Instance);

        await reporter.ReportAsync(Job("corp-org"), Config(), CancellationToken.None); // host "corp" has no credentials
        Assert.Empty(slack.Posts);
        await reporter.ReportAsync(Job(), Config(), CancellationToken.None); // refused: returns, so the state counts as reported
        Assert.Single(slack.Posts);
    }

    [Fact]
    public async Task A_transient_failure_propagates_to_be_retried()
    {
        var slack = new RecordingSlack("*") { Failure = new JobReportException("Slack answered 503") };
        var reporter = new SlackJobReporter(slack, NullLogger<SlackJobReporter>.Instance);
        await Assert.ThrowsAsync<JobReportException>(() => reporter.ReportAsync(Job(), Config(), CancellationToken.None));
    }
}
