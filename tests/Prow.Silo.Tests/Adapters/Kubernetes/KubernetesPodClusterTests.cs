using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;
using Prow.Grains.Ports;
using Prow.Silo.Adapters.Kubernetes;
using Prow.TestSupport.FakeKubernetes;

namespace Prow.Silo.Tests.Adapters.Kubernetes;

public sealed class KubernetesPodClusterTests : IAsyncLifetime
{
    private const string Ns = KubeTestJobs.PodNamespace;
    private const string PodsPath = "/api/v1/namespaces/" + Ns + "/pods";
    private FakeKubernetesServer _fake = null!;
    private k8s.Kubernetes _client = null!;
    private KubernetesPodCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeKubernetesServer.StartAsync();
        _client = new k8s.Kubernetes(_fake.ClientConfiguration());
        _cluster = new KubernetesPodCluster(_client, Ns, KubeTestJobs.Pod,
            new KubernetesRetryOptions { Attempts = 3, InitialBackoff = TimeSpan.FromMilliseconds(1) });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task Start_CreatesThePodNamedAfterTheJobWithProwLabels()
    {
        var observation = await _cluster.StartAsync(KubeTestJobs.Presubmit());

        Assert.Equal(WorkloadPhase.Pending, observation.Phase);
        Assert.Equal("1001", observation.BuildId);
        Assert.NotNull(observation.CreatedAt);
        var pod = _fake.Pod(Ns, "job-1")!;
        Assert.Equal("true", pod.Metadata.Labels[ProwJobLabels.CreatedByProw]);
        Assert.Equal("job-1", pod.Metadata.Labels[ProwJobLabels.Id]);
        Assert.Equal("yes", pod.Metadata.Labels["custom"]);
        Assert.Equal("pull-test-infra-unit", pod.Metadata.Annotations[ProwJobLabels.Job]);
        Assert.Single(_fake.RequestsTo("POST", PodsPath));
    }

    [Fact]
    public async Task Start_WhenThePodExists_AdoptsIt()
    {
        var job = KubeTestJobs.Presubmit();
        await _cluster.StartAsync(job);
        _fake.SetPodPhase(Ns, job.Name, "Running");

        var observation = await _cluster.StartAsync(job);

        Assert.Equal(WorkloadPhase.Running, observation.Phase);
        Assert.Equal([201, 409], _fake.RequestsTo("POST", PodsPath).Select(r => r.Status));
        Assert.Single(_fake.Names(KubeResource.Pods, Ns));
    }

    [Fact]
    public async Task Start_RetriesServerErrors()
    {
        _fake.FailNext("POST", PodsPath, 503, count: 2);

        var observation = await _cluster.StartAsync(KubeTestJobs.Presubmit());

        Assert.Equal(WorkloadPhase.Pending, observation.Phase);
        Assert.Equal([503, 503, 201], _fake.RequestsTo("POST", PodsPath).Select(r => r.Status));
    }

    [Fact]
    public async Task Start_WhenServerErrorsPersist_FailsTransiently()
    {
        _fake.FailNext("POST", PodsPath, 500, count: 10);

        var ex = await Assert.ThrowsAsync<BuildClusterException>(() => _cluster.StartAsync(KubeTestJobs.Presubmit()));

        Assert.False(ex.Permanent);
        Assert.Equal(3, _fake.RequestsTo("POST", PodsPath).Count);
    }

    [Theory]
    [InlineData(422)]
    [InlineData(400)]
    [InlineData(403)]
    public async Task Start_WhenTheClusterRefusesThePod_FailsPermanentlyWithoutRetrying(int status)
    {
        _fake.FailNext("POST", PodsPath, status, message: "Pod \"job-1\" is invalid: spec.containers: Required value");

        var ex = await Assert.ThrowsAsync<BuildClusterException>(() => _cluster.StartAsync(KubeTestJobs.Presubmit()));

        Assert.True(ex.Permanent);
        Assert.Contains("spec.containers: Required value", ex.Message);
        Assert.Single(_fake.RequestsTo("POST", PodsPath));
    }

    [Fact]
    public async Task Observe_AbsentPod_IsNull() =>
        Assert.Null(await _cluster.ObserveAsync(KubeTestJobs.Presubmit()));

    public static TheoryData<string, Action<V1Pod>, WorkloadObservation> Observations() => new()
    {
        {
            "evicted", pod => pod.Status = new V1PodStatus { Phase = "Failed", Reason = "Evicted", StartTime = Started.UtcDateTime },
            new WorkloadObservation { Phase = WorkloadPhase.Failed, Reason = "Evicted", StartedAt = Started, AllContainersSucceeded = true }
        },
        {
            "oom in init container", pod => pod.Status = new V1PodStatus
            {
                Phase = "Running", StartTime = Started.UtcDateTime,
                InitContainerStatuses = [Terminated("clonerefs", 137, "OOMKilled")],
                ContainerStatuses = [new V1ContainerStatus { Name = "test", Image = "a", ImageID = "a", Ready = true, RestartCount = 0, State = new V1ContainerState { Running = new V1ContainerStateRunning() } }],
            },
            new WorkloadObservation { Phase = WorkloadPhase.Running, StartedAt = Started, OomKilled = true }
        },
        {
            "succeeded", pod => pod.Status = new V1PodStatus
            {
                Phase = "Succeeded", StartTime = Started.UtcDateTime,
                InitContainerStatuses = [Terminated("clonerefs", 0)],
                ContainerStatuses = [Terminated("test", 0), Terminated("sidecar", 0)],
            },
            new WorkloadObservation { Phase = WorkloadPhase.Succeeded, StartedAt = Started, AllContainersSucceeded = true }
        },
        {
            "succeeded but a container failed", pod => pod.Status = new V1PodStatus
            {
                Phase = "Succeeded", StartTime = Started.UtcDateTime, ContainerStatuses = [Terminated("test", 0), Terminated("sidecar", 1)],
            },
            new WorkloadObservation { Phase = WorkloadPhase.Succeeded, StartedAt = Started }
        },
        {
            "being deleted", pod =>
            {
                pod.Metadata.DeletionTimestamp = Started.UtcDateTime;
                pod.Status = new V1PodStatus { Phase = "Running", Reason = "NodeLost", StartTime = Started.UtcDateTime };
            },
            new WorkloadObservation { Phase = WorkloadPhase.Running, Reason = "NodeLost", Deleting = true, StartedAt = Started, AllContainersSucceeded = true }
        },
        {
            "unknown", pod => pod.Status = new V1PodStatus { Phase = "Unknown" },
            new WorkloadObservation { Phase = WorkloadPhase.Unknown, AllContainersSucceeded = true }
        },
    };

    [Theory]
    [MemberData(nameof(Observations))]
    public async Task Observe_MapsThePodAsPlankReadsIt(string name, Action<V1Pod> change, WorkloadObservation expected)
    {
        var job = KubeTestJobs.Presubmit();
        var created = await _cluster.StartAsync(job);
        _fake.UpdatePod(Ns, job.Name, change);

        var observation = await _cluster.ObserveAsync(job);

        Assert.Equal(expected with { CreatedAt = created.CreatedAt, BuildId = "1001" }, observation);
        Assert.NotEmpty(name);
    }

    [Fact]
    public async Task Delete_RemovesThePod_AndAbsentIsNotAnError()
    {
        var job = KubeTestJobs.Presubmit();
        await _cluster.StartAsync(job);

        await _cluster.DeleteAsync(job);
        await _cluster.DeleteAsync(job);

        Assert.Null(_fake.Pod(Ns, job.Name));
        Assert.Equal([200, 404], _fake.RequestsTo("DELETE", PodsPath + "/job-1").Select(r => r.Status));
    }

    [Fact]
    public async Task OpenLog_ReadsTheTestContainer()
    {
        var job = KubeTestJobs.Presubmit();
        _cluster = new KubernetesPodCluster(_client, Ns, j =>
        {
            var pod = KubeTestJobs.Pod(j);
            pod.Spec.Containers.Insert(0, new V1Container { Name = "sidecar", Image = "sidecar" });
            return pod;
        });
        await _cluster.StartAsync(job);
        _fake.SetLog(Ns, job.Name, "sidecar", "not this");
        _fake.SetLog(Ns, job.Name, "test", "hello from the test\n");

        await using var log = await _cluster.OpenLogAsync(job);

        Assert.NotNull(log);
        Assert.Equal("hello from the test\n", await new StreamReader(log).ReadToEndAsync());
        Assert.Equal("?container=test", _fake.RequestsTo("GET", PodsPath + "/job-1/log").Single().Query);
    }

    [Fact]
    public async Task OpenLog_AbsentPodOrWaitingContainer_IsNull()
    {
        var job = KubeTestJobs.Presubmit();
        Assert.Null(await _cluster.OpenLogAsync(job));

        await _cluster.StartAsync(job);
        _fake.FailNext("GET", PodsPath + "/job-1/log", 400, message: "container \"test\" in pod \"job-1\" is waiting to start: ContainerCreating");
        Assert.Null(await _cluster.OpenLogAsync(job));
    }

    private static readonly DateTimeOffset Started = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static V1ContainerStatus Terminated(string name, int exitCode, string reason = "Completed") => new()
    {
        Name = name, Image = "i", ImageID = "i", Ready = false, RestartCount = 0,
        State = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = exitCode, Reason = reason, FinishedAt = Started.UtcDateTime.AddMinutes(1) } },
    };
}
