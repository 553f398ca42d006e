using System.Net;
using System.Text.Json.Nodes;
using k8s.Models;
using Prow.Abstractions.Jobs;
using Prow.TestSupport;
using Prow.TestSupport.FakeKubernetes;

namespace Prow.Silo.Tests.Jobs;

/// <summary>
/// The host's real build clusters behind the ProwJob grains: a local process (agent local) and a pod on a
/// Kubernetes API server (agent kubernetes, the in-process fake behind --kubeconfig), each from creation to
/// completion and its log through /log.
/// </summary>
public sealed class AgentsEndToEndTests : IAsyncLifetime
{
    private const string PodNamespace = "test-pods";
    private readonly TempDirectory _dir = new();
    private FakeKubernetesServer _kube = null!;
    private JobHost _host = null!;

    public async Task InitializeAsync()
    {
        _kube = await FakeKubernetesServer.StartAsync();
        var kubeconfig = _dir.Write("kubeconfig", $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake
              cluster:
                server: {_kube.Url}
            users:
            - name: prow
              user:
                token: not-a-secret
            contexts:
            - name: default
              context:
                cluster: fake
                user: prow
            current-context: default
            """);
        _host = await JobHost.StartAsync(_dir, cluster: null, $"prowjob_namespace: prow\npod_namespace: {PodNamespace}\n", kubeconfig: kubeconfig);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _kube.DisposeAsync();
        _dir.Dispose();
    }

    private static ProwJob Job(string name, string agent, params string[] command) => JobHostFixture.NewJob(name, edit: spec =>
    {
        spec.Agent = agent;
        spec.PodSpec = new JsonObject
        {
            ["containers"] = new JsonArray(new JsonObject
            {
                ["image"] = "alpine",
                ["command"] = new JsonArray([.. command.Select(c => (JsonNode)c)]),
            }),
        };
    });

    [Fact]
    public async Task A_local_job_runs_its_command_and_its_log_is_served()
    {
        var job = Job("local-echo", ProwJobAgents.Local, "sh", "-c", "echo \"hello from $JOB_NAME\"");
        await _host.Job(job.Name).Create(job);
        var done = await _host.WaitForAsync(job.Name, j => j.Complete, "the local job complete");
        Assert.True(done.Status.State == ProwJobState.Success, $"{done.Status.State}: {done.Status.Description}");

        var log = await _host.Http.GetAsync($"/log?job=local-echo&id={done.Status.BuildId}");
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        Assert.Contains("hello from local-echo", await log.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_failing_local_job_fails()
    {
        var job = Job("local-false", ProwJobAgents.Local, "sh", "-c", "exit 3");
        await _host.Job(job.Name).Create(job);
        var done = await _host.WaitForAsync(job.Name, j => j.Complete, "the local job complete");
        Assert.Equal(ProwJobState.Failure, done.Status.State);
        Assert.Equal("Job failed.", done.Status.Description);
    }

    [Fact]
    public async Task A_kubernetes_job_becomes_a_pod_and_completes_when_the_pod_succeeds()
    {
        var job = Job("kube-unit", ProwJobAgents.Kubernetes, "make", "test");
        await _host.Job(job.Name).Create(job);
        await _host.WaitForAsync(job.Name, j => j.Status.State == ProwJobState.Pending, "pending");
        var pod = _kube.Pod(PodNamespace, job.Name);
        Assert.NotNull(pod);
        Assert.Equal("true", pod.Metadata.Labels["created-by-prow"]);
        Assert.Contains(pod.Spec.Containers[0].Env, e => e.Name == "JOB_NAME" && e.Value == "kube-unit");

        // The kubelet's part: the pod runs and its container exits 0. Only the watch tells the job.
        _kube.SetLog(PodNamespace, job.Name, pod.Spec.Containers[0].Name, "ok\n");
        _kube.UpdatePod(PodNamespace, job.Name, p =>
        {
            var now = DateTime.UtcNow;
            p.Status ??= new V1PodStatus();
            p.Status.Phase = "Succeeded";
            p.Status.StartTime = now;
            p.Status.ContainerStatuses = [.. p.Spec.Containers.Select(c => new V1ContainerStatus
            {
                Name = c.Name, Image = c.Image, ImageID = "", Ready = false, RestartCount = 0,
                State = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 0, StartedAt = now, FinishedAt = now } },
            })];
        });
        var done = await _host.WaitForAsync(job.Name, j => j.Complete, "complete");
        Assert.True(done.Status.State == ProwJobState.Success, $"{done.Status.State}: {done.Status.Description}");
        var log = await _host.Http.GetAsync($"/log?job=kube-unit&id={done.Status.BuildId}");
        Assert.Equal("ok\n", await log.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_pod_deleted_behind_the_job_s_back_ends_the_job_in_error()
    {
        var job = Job("kube-deleted", ProwJobAgents.Kubernetes, "make");
        await _host.Job(job.Name).Create(job);
        await _host.WaitForAsync(job.Name, j => j.Status.State == ProwJobState.Pending, "pending");
        Assert.True(_kube.DeletePod(PodNamespace, job.Name));
        var done = await _host.WaitForAsync(job.Name, j => j.Complete, "complete");
        Assert.Equal(ProwJobState.Error, done.Status.State);
        Assert.Equal("Pod got deleted unexpectedly", done.Status.Description);
        Assert.Single(_kube.RequestsTo("POST", $"/api/v1/namespaces/{PodNamespace}/pods"), r => r.Body.Contains(job.Name));
    }

    [Fact]
    public async Task A_job_for_an_agent_without_clusters_errors_clearly()
    {
        var job = Job("tekton", ProwJobAgents.TektonPipeline, "x");
        await _host.Job(job.Name).Create(job);
        var done = await _host.WaitForAsync(job.Name, j => j.Complete, "complete");
        Assert.Equal(ProwJobState.Error, done.Status.State);
        Assert.StartsWith("No build cluster for agent \"tekton-pipeline\" and cluster \"default\" (this deployment runs: ", done.Status.Description);
    }
}
