using Prow.Abstractions.Jobs;
using Prow.Grains.Crier;
using Prow.Silo.Adapters.Crier;
using Prow.Silo.Tests.Jobs;
using Prow.TestSupport;
using static Prow.Silo.Tests.Crier.CrierReceivers;

namespace Prow.Silo.Tests.Crier;

/// <summary>
/// Crier's reporters side by side in the host: GitHub, Slack (bot token and incoming webhook, by host) and the
/// signed webhook reporter each get every state they should, once, and a failing one holds up no other.
/// </summary>
public sealed class CrierReportersTests(CrierReportersFixture fixture) : IClassFixture<CrierReportersFixture>
{
    private JobHost Host => fixture.Host;
    private CrierReceivers Receivers => fixture.Receivers;

    [Fact]
    public async Task A_presubmit_going_pending_then_success_reaches_Slack_and_the_webhooks_once_per_state()
    {
        var job = Presubmit("slack-unit");
        await Host.Job(job.Name).Create(job);
        await WaitReportedByAll(Host, job, ProwJobState.Pending);
        await FinishAsync(Host, fixture.Cluster, job);
        var done = await Host.WaitForAsync(job.Name, j => j.Complete, "complete");
        await WaitReportedByAll(Host, job, ProwJobState.Success);

        // Slack: the states of job_states_to_report (not triggered), the default template, to '#ci' with the bot token.
        var url = done.Status.Url;
        Assert.StartsWith("https://prow.example/view/slack-unit/", url);
        Assert.Equal(
        [
            ("/api/chat.postMessage", "#ci", $"Job slack-unit of type presubmit ended with state pending. <{url}|View logs>"),
            ("/api/chat.postMessage", "#ci", $"Job slack-unit of type presubmit ended with state success. <{url}|View logs>"),
        ], Receivers.SlackPosts("slack-unit"));
        Assert.All(Receivers.Slack.Requests.Where(r => r.Path == "/api/chat.postMessage"), r => Assert.Equal($"Bearer {SlackToken}", r.Header("Authorization")));

        // The webhooks: every state, signed, each URL once.
        Assert.Equal(["triggered", "pending", "success"], WebhookStates(Receivers.WebhookA, job));
        Assert.Equal(["triggered", "pending", "success"], WebhookStates(Receivers.WebhookB, job));
    }

    [Fact]
    public async Task A_repo_on_another_Slack_host_posts_to_its_incoming_webhook_with_its_template()
    {
        var job = JobHostFixture.NewJob("hooked-build", ProwJobType.Postsubmit, spec => spec.Report = true, repo: "hooked");
        await Host.Job(job.Name).Create(job);
        await WaitReported(Host, job, WebhookJobReporter.ReporterName, ProwJobState.Pending);
        await FinishAsync(Host, fixture.Cluster, job);
        await WaitReportedByAll(Host, job, ProwJobState.Success);

        // org/hooked's entry wins over '*': only success, on host "hooks" (the webhook URL file), its own template.
        Assert.Equal([(SlackWebhookPath, "#hooked", "hooked-build passed on org/hooked@abc")], Receivers.SlackPosts("hooked-build"));
        Assert.Null(Receivers.Slack.Requests.Single(r => r.Path == SlackWebhookPath).Header("Authorization"));
    }

    [Fact]
    public async Task Failing_receivers_get_the_state_once_they_recover_and_GitHub_is_not_held_up()
    {
        var job = Presubmit("flaky-receivers");
        Receivers.Slack.HoldStatus = 503;
        Receivers.WebhookB.FailNext(3, 500);
        try
        {
            await Host.Job(job.Name).Create(job);
            // GitHub and the webhooks (B after its 3 failures) take pending while Slack still answers 503.
            await WaitReported(Host, job, GitHubReport.ReporterName, ProwJobState.Pending);
            await WaitReported(Host, job, WebhookJobReporter.ReporterName, ProwJobState.Pending);
            await Eventually.Until(() => Receivers.Slack.Requests.Count(r => r.Status == 503) >= 2, TimeSpan.FromSeconds(10), "Slack retried");
            Assert.False((await Host.Job(job.Name).Get())!.Status.PrevReportStates!.ContainsKey(SlackReport.ReporterName));
        }
        finally
        {
            Receivers.Slack.HoldStatus = null;
        }
        await WaitReported(Host, job, SlackReport.ReporterName, ProwJobState.Pending);
        Assert.Single(Receivers.SlackPosts("flaky-receivers"));

        // A took each state once although B's failures made the reporter retry; B took pending once (its triggered may be
        // coalesced into pending, as crier reports the state it sees when a retry comes).
        Assert.Equal(["triggered", "pending"], WebhookStates(Receivers.WebhookA, job));
        var b = WebhookStates(Receivers.WebhookB, job);
        Assert.Equal(1, b.Count(s => s == "pending"));
        Assert.True(b.Count(s => s == "triggered") <= 1);
        Assert.Equal(3, Receivers.WebhookB.Requests.Count(r => r.Status == 500));
    }

    [Fact]
    public async Task A_Slack_that_does_not_answer_holds_up_neither_the_job_nor_its_grain_nor_GitHub()
    {
        var job = Presubmit("stalled-slack");
        Receivers.Slack.Stall();
        try
        {
            await Host.Job(job.Name).Create(job);
            await Eventually.Until(() => Receivers.Slack.Stalled == 1, TimeSpan.FromSeconds(10), "Slack's pending post under way");
            await WaitReported(Host, job, GitHubReport.ReporterName, ProwJobState.Pending);
            await FinishAsync(Host, fixture.Cluster, job);
            await WaitReported(Host, job, GitHubReport.ReporterName, ProwJobState.Success);
            await WaitReported(Host, job, WebhookJobReporter.ReporterName, ProwJobState.Success);
            var now = (await Host.Job(job.Name).Get())!;
            Assert.True(now.Complete);
            Assert.False(now.Status.PrevReportStates!.ContainsKey(SlackReport.ReporterName));
        }
        finally
        {
            Receivers.Slack.Release();
        }
        // The stalled pending post is answered and recorded; then success is posted.
        await WaitReported(Host, job, SlackReport.ReporterName, ProwJobState.Success);
        Assert.Equal(2, Receivers.SlackPosts("stalled-slack").Count);
    }

    [Fact]
    public async Task A_Slack_rate_limit_is_waited_out_and_the_state_posted_once()
    {
        var job = JobHostFixture.NewJob("limited-periodic", ProwJobType.Periodic);
        Receivers.Slack.FailNext(1, 429, """{"ok":false,"error":"ratelimited"}""", retryAfter: "1");
        await Host.Job(job.Name).Create(job);
        await WaitReported(Host, job, SlackReport.ReporterName, ProwJobState.Pending);

        var limited = Receivers.Slack.Requests.First(r => r.Status == 429);
        var posted = Receivers.Slack.Requests.Single(r => r.Status == 200 && r.Text.Contains("limited-periodic", StringComparison.Ordinal));
        Assert.Contains("limited-periodic", limited.Text);
        Assert.Single(Receivers.SlackPosts("limited-periodic"));
        // Retry-After: 1 beats the 50 ms the doubling delays would start with.
        Assert.True(posted.At - limited.At >= TimeSpan.FromMilliseconds(900), $"retried after {posted.At - limited.At}");
    }
}

/// <summary>Reporters across a restart: states reported before it are not reported again after it.</summary>
public sealed class CrierReportersRestartTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly FakeBuildCluster _cluster = new();
    private CrierReceivers _receivers = null!;

    public async Task InitializeAsync() => _receivers = await CrierReceivers.StartAsync();

    public async Task DisposeAsync()
    {
        await _receivers.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_restart_reports_only_the_new_state_to_each_reporter()
    {
        var job = Presubmit("restarted-reporters");
        await using (var first = await _receivers.StartHostAsync(_dir, _cluster))
        {
            await first.Job(job.Name).Create(job);
            await WaitReportedByAll(first, job, ProwJobState.Pending);
        }

        // The workload finishes while no silo runs; the next silo's reminder finds it.
        _cluster.Set(job.Name, _cluster.Workload(job.Name)! with { Phase = Prow.Grains.Jobs.WorkloadPhase.Succeeded, AllContainersSucceeded = true });
        await using var second = await _receivers.StartHostAsync(_dir, _cluster);
        await WaitReportedByAll(second, job, ProwJobState.Success);

        Assert.Equal(["pending", "success"], _receivers.SlackPosts("restarted-reporters").Select(p => p.Text.Split("state ")[1].Split('.')[0]));
        Assert.Equal(["triggered", "pending", "success"], WebhookStates(_receivers.WebhookA, job));
        Assert.Equal(["triggered", "pending", "success"], WebhookStates(_receivers.WebhookB, job));
    }
}
