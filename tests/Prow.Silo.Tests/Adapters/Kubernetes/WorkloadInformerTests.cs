using k8s.Models;
using Prow.Grains.Jobs;
using Prow.Silo.Adapters.Kubernetes;
using Prow.TestSupport;
using Prow.TestSupport.FakeKubernetes;

namespace Prow.Silo.Tests.Adapters.Kubernetes;

public sealed class WorkloadInformerTests : IAsyncLifetime
{
    private const string Ns = KubeTestJobs.PodNamespace;
    private const string PodsPath = "/api/v1/namespaces/" + Ns + "/pods";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly RecordingWorkloadEvents _events = new();
    private FakeKubernetesServer _fake = null!;
    private k8s.Kubernetes _client = null!;
    private KubernetesPodCluster _cluster = null!;
    private WorkloadInformer? _informer;

    public async Task InitializeAsync()
    {
        _fake = await FakeKubernetesServer.StartAsync();
        _client = new k8s.Kubernetes(_fake.ClientConfiguration());
        _cluster = new KubernetesPodCluster(_client, Ns, KubeTestJobs.Pod);
    }

    public async Task DisposeAsync()
    {
        if (_informer is not null) await _informer.DisposeAsync();
        _client.Dispose();
        await _fake.DisposeAsync();
    }

    private async Task<WorkloadInformer> StartInformerAsync(TimeSpan? relist = null)
    {
        _informer = new WorkloadInformer(new PodWorkloadSource(_client, Ns), _events, new WorkloadInformerOptions
        {
            RelistPeriod = relist ?? TimeSpan.FromMinutes(5),
            InitialBackoff = TimeSpan.FromMilliseconds(10),
            MaxBackoff = TimeSpan.FromMilliseconds(50),
        });
        await _informer.StartAsync(CancellationToken.None);
        await Eventually.Until(() => _informer.Lists > 0 && _fake.OpenWatches > 0, Timeout, "the informer to list and watch");
        return _informer;
    }

    private Task SeenAsync(string name, Func<WorkloadObservation?, bool> what, string description) =>
        Eventually.Until(() => _events.Last(name) is (true, var o) && what(o), Timeout, description);

    [Fact]
    public async Task ListsExistingPods_ThenDeliversWatchedChanges()
    {
        await _cluster.StartAsync(KubeTestJobs.Presubmit("before"));
        await StartInformerAsync();
        await SeenAsync("before", o => o?.Phase == WorkloadPhase.Pending, "the listed pod");

        await _cluster.StartAsync(KubeTestJobs.Presubmit("after"));
        _fake.SetPodPhase(Ns, "after", "Running");

        await SeenAsync("after", o => o?.Phase == WorkloadPhase.Running && o.StartedAt is not null, "the running pod");
        var watch = _fake.Requests.First(r => r.IsWatch);
        Assert.Equal("created-by-prow=true", watch.QueryValue("labelSelector"));
    }

    [Fact]
    public async Task IgnoresPodsProwDidNotCreate()
    {
        await StartInformerAsync();
        _fake.PutPod(Ns, new V1Pod { Metadata = new V1ObjectMeta { Name = "someone-elses" }, Spec = new V1PodSpec() });
        await _cluster.StartAsync(KubeTestJobs.Presubmit("ours"));

        await SeenAsync("ours", o => o is not null, "our pod");
        Assert.DoesNotContain(_events.Changes, c => c.Name == "someone-elses");
    }

    [Fact]
    public async Task PodDeletedBehindOurBack_DeliversNull()
    {
        await _cluster.StartAsync(KubeTestJobs.Presubmit());
        await StartInformerAsync();
        await SeenAsync("job-1", o => o is not null, "the pod");

        _fake.DeletePod(Ns, "job-1");

        await SeenAsync("job-1", o => o is null, "the deletion");
    }

    [Fact]
    public async Task WatchDropped_ResumesFromTheLastResourceVersion()
    {
        await _cluster.StartAsync(KubeTestJobs.Presubmit());
        await StartInformerAsync();
        await SeenAsync("job-1", o => o is not null, "the pod");
        _fake.SetPodPhase(Ns, "job-1", "Running");
        await SeenAsync("job-1", o => o?.Phase == WorkloadPhase.Running, "running");
        var seen = _fake.Pod(Ns, "job-1")!.Metadata.ResourceVersion;

        _fake.FailNext("GET", PodsPath, 503, count: int.MaxValue); // the API server is away...
        _fake.DropWatches();
        _fake.SetPodPhase(Ns, "job-1", "Succeeded"); // ...while this happens
        _fake.ClearFailures();

        await SeenAsync("job-1", o => o?.Phase == WorkloadPhase.Succeeded, "the change made while disconnected");
        var resumed = _fake.Requests.Where(r => r.IsWatch && r.Status == 200).ToList();
        Assert.True(resumed.Count >= 2);
        Assert.Equal(seen, resumed[1].QueryValue("resourceVersion"));
        Assert.Equal(1, _informer!.Lists); // resumed, not relisted
    }

    [Fact]
    public async Task WatchExpired_ListsAgain_AndDeliversWhatWasMissed()
    {
        await _cluster.StartAsync(KubeTestJobs.Presubmit("kept"));
        await _cluster.StartAsync(KubeTestJobs.Presubmit("removed"));
        await StartInformerAsync();
        await SeenAsync("removed", o => o is not null, "both pods");

        _fake.FailNext("GET", PodsPath, 503, count: int.MaxValue); // the API server is away...
        _fake.DropWatches();
        _fake.SetPodPhase(Ns, "kept", "Failed"); // ...while these happen
        _fake.DeletePod(Ns, "removed");
        _fake.CompactHistory(); // and are forgotten: the resume gets 410 Gone
        _fake.ClearFailures();

        await SeenAsync("kept", o => o?.Phase == WorkloadPhase.Failed, "the change, from the relist");
        await SeenAsync("removed", o => o is null, "the deletion, from the relist");
        Assert.True(_informer!.Lists >= 2);
    }

    [Fact]
    public async Task RelistsPeriodically()
    {
        await _cluster.StartAsync(KubeTestJobs.Presubmit());
        var informer = await StartInformerAsync(relist: TimeSpan.FromMilliseconds(200));

        await Eventually.Until(() => informer.Lists >= 3, Timeout, "three lists");
        Assert.True(_events.Changes.Count(c => c.Name == "job-1") >= 3);
    }

    [Fact]
    public async Task ListFailures_AreRetried()
    {
        _fake.FailNext("GET", PodsPath, 500, count: 3);
        await _cluster.StartAsync(KubeTestJobs.Presubmit());

        await StartInformerAsync();

        await SeenAsync("job-1", o => o is not null, "the pod after the failures");
    }

    [Fact]
    public async Task DeliveryFailures_DoNotStopTheInformer()
    {
        _events.Fail = name => name == "bad";
        await StartInformerAsync();
        await _cluster.StartAsync(KubeTestJobs.Presubmit("bad"));
        await _cluster.StartAsync(KubeTestJobs.Presubmit("good"));

        await SeenAsync("good", o => o is not null, "the pod after the failed delivery");
    }

    [Fact]
    public async Task Stop_EndsTheWatch()
    {
        var informer = await StartInformerAsync();

        await informer.StopAsync(CancellationToken.None);

        await Eventually.Until(() => _fake.OpenWatches == 0, Timeout, "the watch to close");
    }
}
