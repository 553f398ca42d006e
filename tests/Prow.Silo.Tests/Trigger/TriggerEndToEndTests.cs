using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Prow.Abstractions.Jobs;
using Prow.Abstractions.Jobs.Grains;
using Prow.Grains.Jobs;
using Prow.Grains.Plugins.Trigger;
using Prow.Grains.Ports;
using Prow.Grains.Webhooks;
using Prow.Silo.Tests.Jobs;
using Prow.TestSupport;
using Prow.TestSupport.FakeGitHub;
using Prow.TestSupport.Webhooks;

namespace Prow.Silo.Tests.Trigger;

/// <summary>
/// The real host with trigger enabled, fake GitHub over HTTP and a fake build cluster: a signed pull_request
/// webhook → /hook → PR grain → trigger → ProwJob grain → workload started.
/// </summary>
public sealed class TriggerEndToEndTests : IAsyncLifetime
{
    private const string Org = "Codertocat";
    private const string Repo = "Hello-World";
    private const string HeadSha = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
    private const string Secret = "test-secret";
    private const string ConfigYaml = """
        prowjob_namespace: test-pods
        presubmits:
          Codertocat/Hello-World:
          - name: pull-unit
            always_run: true
            spec: {containers: [{image: alpine}]}
          - name: pull-e2e
            spec: {containers: [{image: alpine}]}
        """;

    private readonly TempDirectory _dir = new();
    private readonly FakeBuildCluster _cluster = new();
    private FakeGitHubServer _github = null!;
    private JobHost _host = null!;

    public async Task InitializeAsync()
    {
        _github = await FakeGitHubServer.StartAsync();
        _github.AddRepo(Org, Repo, defaultBranch: "master");
        _github.AddMember(Org, "Codertocat");
        _github.AddPullRequest(Org, Repo, 2, author: "Codertocat", headSha: HeadSha, baseRef: "master");
        _host = await JobHost.StartAsync(_dir, _cluster, ConfigYaml, github: _github, pluginsYaml: "plugins:\n  Codertocat:\n    plugins: [trigger]\n", hmacSecret: Secret,
            configureSilo: silo => silo.Services.Configure<InboxOptions>(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(100)));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _github.DisposeAsync();
        _dir.Dispose();
    }

    private async Task SendAsync(string eventType, string payload, string deliveryId)
    {
        using var response = await _host.Http.SendAsync(SignedWebhook.Create(eventType, payload, Secret, deliveryId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenedPullRequest_CreatesAndStartsItsPresubmit_OnceEvenWhenRedelivered()
    {
        var payload = WebhookPayloads.Edit("pull_request.opened", p => p["pull_request"]!["draft"] = false);
        var grains = _host.Grains;
        var name = JobNames.For("delivery-e2e", "pull-unit", HeadSha).ToString("D");

        await SendAsync("pull_request", payload, "delivery-e2e");
        var job = await Eventually.Until(async () => await grains.GetGrain<IProwJobGrain>(name).Get(), TimeSpan.FromSeconds(30), "the presubmit to be created");
        await SendAsync("pull_request", payload, "delivery-e2e");
        await Eventually.Until(() => _cluster.Starts.Contains(name), TimeSpan.FromSeconds(30), "the presubmit's workload to start");

        Assert.Equal(("pull-unit", ProwJobType.Presubmit, "test-pods"), (job.Spec.Job, job.Spec.Type, job.Metadata.Namespace));
        Assert.Equal("delivery-e2e", job.Metadata.Labels![ProwJobLabels.EventGuid]);
        Assert.Equal(_github.Repo(Org, Repo).Refs["heads/master"], job.Spec.Refs!.BaseSha);
        Assert.Equal(HeadSha, job.Spec.Refs.Pulls![0].Sha);
        Assert.Null(await grains.GetGrain<IProwJobGrain>(JobNames.For("delivery-e2e", "pull-e2e", HeadSha).ToString("D")).Get());
        Assert.Single(_cluster.Starts, s => s == name);
    }

    [Fact]
    public async Task Synchronize_AbortsTheOldHeadsPresubmit_AndStartsTheNewHeads()
    {
        var grains = _host.Grains;
        var oldName = JobNames.For("delivery-open", "pull-unit", HeadSha).ToString("D");
        var newName = JobNames.For("delivery-sync", "pull-unit", "newsha").ToString("D");
        await SendAsync("pull_request", WebhookPayloads.Edit("pull_request.opened", p => p["pull_request"]!["draft"] = false), "delivery-open");
        await Eventually.Until(() => _cluster.Starts.Contains(oldName), TimeSpan.FromSeconds(30), "the first head's presubmit to start");

        await SendAsync("pull_request", WebhookPayloads.Edit("pull_request.opened", p =>
        {
            p["action"] = "synchronize";
            p["pull_request"]!["draft"] = false;
            p["pull_request"]!["head"]!["sha"] = "newsha";
        }), "delivery-sync");

        var aborted = await Eventually.Until(async () => await grains.GetGrain<IProwJobGrain>(oldName).Get() is { Status.State: ProwJobState.Aborted } j ? j : null,
            TimeSpan.FromSeconds(30), "the old head's presubmit to be aborted");
        await Eventually.Until(() => _cluster.Starts.Contains(newName), TimeSpan.FromSeconds(30), "the new head's presubmit to start");
        Assert.Equal("Aborted by trigger plugin.", aborted.Status.Description);
    }

    [Fact]
    public async Task PullRequestJobsGrain_HandsOutOtherHeadsJobsOnce()
    {
        var grain = _host.Grains.GetGrain<IPullRequestJobsGrain>(GrainProwJobCreator.PullRequestKey("o", "r", 9));
        await grain.Record("sha1", "job-a");
        await grain.Record("sha1", "job-a");
        await grain.Record("sha1", "job-b");
        await grain.Record("sha2", "job-c");

        Assert.Equal(["job-a", "job-b"], await grain.TakeOthers("SHA2"));
        Assert.Empty(await grain.TakeOthers("sha2"));
        Assert.Equal(["job-c"], await grain.TakeOthers(null));
        Assert.Empty(await grain.TakeOthers(null));
    }
}
