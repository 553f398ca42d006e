using System.Text.Json.Nodes;
using Prow.Abstractions.Jobs;
using Prow.Grains.Crier;
using Prow.Grains.Jobs;
using Prow.Silo.Adapters.Crier;
using Prow.Silo.Tests.Jobs;
using Prow.TestSupport;
using Prow.TestSupport.FakeGitHub;

namespace Prow.Silo.Tests.Crier;

/// <summary>
/// Local receivers for crier's reporters: GitHub (the fake), Slack (one receiver: chat.postMessage with a bot token for
/// the default host, an incoming webhook for host "hooks") and two webhook-reporter URLs signed with a secret.
/// </summary>
public sealed class CrierReceivers : IAsyncDisposable
{
    public const string SlackToken = "xoxb-test-token";
    public const string WebhookSecret = "It's a Secret to Everybody";
    public const string SlackWebhookPath = "/services/T000/B000/XXXX";

    public const string ConfigYaml = """
        prowjob_namespace: prow
        plank:
          job_url_template: 'https://prow.example/view/{{.Spec.Job}}/{{.Status.BuildID}}/'
        slack_reporter_configs:
          '*':
            channel: '#ci'
            job_types_to_report: [presubmit, postsubmit, periodic]
            job_states_to_report: [pending, success, failure]
          org/hooked:
            host: hooks
            channel: '#hooked'
            job_types_to_report: [postsubmit]
            job_states_to_report: [success]
            report_template: '{{.Spec.Job}} passed on {{.Spec.Refs.Org}}/{{.Spec.Refs.Repo}}@{{.Spec.Refs.BaseSHA}}'
        """;

    public FakeGitHubServer GitHub { get; private set; } = null!;
    public HttpReceiver Slack { get; private set; } = null!;
    public HttpReceiver WebhookA { get; private set; } = null!;
    public HttpReceiver WebhookB { get; private set; } = null!;

    public static async Task<CrierReceivers> StartAsync()
    {
        var receivers = new CrierReceivers
        {
            GitHub = await FakeGitHubServer.StartAsync(),
            Slack = await HttpReceiver.StartAsync(),
            WebhookA = await HttpReceiver.StartAsync(),
            WebhookB = await HttpReceiver.StartAsync(),
        };
        receivers.GitHub.AddRepo("org", "repo");
        receivers.GitHub.AddRepo("org", "hooked");
        receivers.GitHub.AddPullRequest("org", "repo", 7, author: "alice");
        receivers.Slack.Body = """{"ok":true}""";
        return receivers;
    }

    public Task<JobHost> StartHostAsync(TempDirectory dir, FakeBuildCluster cluster) => JobHost.StartAsync(dir, cluster, ConfigYaml, github: GitHub,
        reporters: new HostReporters(
            SlackTokenFiles: new Dictionary<string, string> { ["*"] = dir.Write("slack-token", SlackToken + "\n") },
            SlackWebhookUrlFiles: new Dictionary<string, string> { ["hooks"] = dir.Write("slack-hook", Slack.Url(SlackWebhookPath)) },
            SlackApiEndpoint: Slack.Url("api"),
            WebhookUrls: [WebhookA.Url("prow/a"), WebhookB.Url("prow/b")],
            WebhookHmacSecretFile: dir.Write("webhook-secret", WebhookSecret)));

    /// <summary>The Slack messages Slack took that name <paramref name="jobName"/>: (path, channel, text).</summary>
    public List<(string Path, string Channel, string Text)> SlackPosts(string jobName) =>
        [.. Slack.Requests.Where(r => r.Status == 200).Select(r => (r.Path, Json: JsonNode.Parse(r.Text)!))
            .Where(p => ((string)p.Json["text"]!).Contains(jobName, StringComparison.Ordinal))
            .Select(p => (p.Path, (string)p.Json["channel"]!, (string)p.Json["text"]!))];

    /// <summary>The states <paramref name="receiver"/> took (2xx) for the job, in order, after checking each delivery's headers, body and signature.</summary>
    public static List<string> WebhookStates(HttpReceiver receiver, ProwJob job)
    {
        var states = new List<string>();
        foreach (var request in receiver.Requests.Where(r => r.Header("X-Prow-Delivery")?.StartsWith(job.Name + ":", StringComparison.Ordinal) == true))
        {
            Assert.Equal("POST", request.Method);
            Assert.Equal("prowjob", request.Header("X-Prow-Event"));
            Assert.Equal(WebhookJobReporter.Sign(WebhookSecret, request.Body), request.Header(WebhookJobReporter.SignatureHeader));
            var sent = ProwJobJson.Deserialize(request.Text);
            Assert.Equal(job.Name, sent.Name);
            var state = request.Header("X-Prow-Job-State")!;
            Assert.Equal(state, ProwJobStateMachine.Name(sent.Status.State));
            Assert.Equal($"{job.Name}:{state}", request.Header("X-Prow-Delivery"));
            if (request.Status == 200) states.Add(state);
        }
        return states;
    }

    public static Task<ProwJob> WaitReported(JobHost host, ProwJob job, string reporter, ProwJobState state) =>
        host.WaitForAsync(job.Name, j => j.Status.PrevReportStates?.GetValueOrDefault(reporter) == state, $"{job.Name} reported as {state} by {reporter}");

    public static async Task WaitReportedByAll(JobHost host, ProwJob job, ProwJobState state, bool slack = true)
    {
        await WaitReported(host, job, GitHubReport.ReporterName, state);
        await WaitReported(host, job, WebhookJobReporter.ReporterName, state);
        if (slack) await WaitReported(host, job, SlackReport.ReporterName, state);
    }

    public static async Task FinishAsync(JobHost host, FakeBuildCluster cluster, ProwJob job)
    {
        var workload = cluster.Workload(job.Name)! with { Phase = WorkloadPhase.Succeeded, AllContainersSucceeded = true };
        cluster.Set(job.Name, workload);
        await host.Events.WorkloadChangedAsync(job.Name, workload);
    }

    public static ProwJob Presubmit(string name) => JobHostFixture.NewJob(name, ProwJobType.Presubmit, spec =>
    {
        spec.Report = true;
        spec.Context = "pull-" + name;
    });

    public async ValueTask DisposeAsync()
    {
        await GitHub.DisposeAsync();
        await Slack.DisposeAsync();
        await WebhookA.DisposeAsync();
        await WebhookB.DisposeAsync();
    }
}

/// <summary>One host with every reporter for a test class.</summary>
public sealed class CrierReportersFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    public FakeBuildCluster Cluster { get; } = new();
    public CrierReceivers Receivers { get; private set; } = null!;
    public JobHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Receivers = await CrierReceivers.StartAsync();
        Host = await Receivers.StartHostAsync(_dir, Cluster);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Receivers.DisposeAsync();
        _dir.Dispose();
    }
}
