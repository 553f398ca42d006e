using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;
using Prow.Grains.Ports;
using Prow.Silo.Adapters.Kubernetes;
using Prow.TestSupport;
using Prow.TestSupport.FakeKubernetes;

namespace Prow.Silo.Tests.Adapters.Kubernetes;

public sealed class KubernetesBuildClustersTests : IAsyncLifetime
{
    private const string Ns = KubeTestJobs.PodNamespace;
    private readonly TempDirectory _dir = new();
    private FakeKubernetesServer _default = null!;
    private FakeKubernetesServer _other = null!;

    public async Task InitializeAsync()
    {
        _default = await FakeKubernetesServer.StartAsync();
        _other = await FakeKubernetesServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _default.DisposeAsync();
        await _other.DisposeAsync();
        _dir.Dispose();
    }

    private string Kubeconfig(params (string Context, string Server)[] contexts) => _dir.Write($"kubeconfig-{Guid.NewGuid():N}", $"""
        apiVersion: v1
        kind: Config
        clusters:
        {string.Join("\n", contexts.Select(c => $"- name: {c.Context}-cluster\n  cluster:\n    server: {c.Server}"))}
        users:
        - name: prow
          user:
            token: not-a-secret
        contexts:
        {string.Join("\n", contexts.Select(c => $"- name: {c.Context}\n  context:\n    cluster: {c.Context}-cluster\n    user: prow"))}
        current-context: {contexts[0].Context}
        """);

    [Fact]
    public async Task KubeconfigWithTwoContexts_GivesTwoClusters_EachWatched()
    {
        var events = new RecordingWorkloadEvents();
        var services = new ServiceCollection()
            .AddSingleton<IWorkloadEvents>(events)
            .AddBuildCluster(ProwJobAgents.Local, ProwJobAgents.DefaultCluster, _ => new NoCluster())
            .AddKubernetesBuildClusters(new KubernetesBuildClusterOptions
            {
                Kubeconfig = Kubeconfig(("default", _default.Url), ("other", _other.Url)),
                PodNamespace = Ns,
                PodBuilder = KubeTestJobs.Pod,
                Agents = new HashSet<string> { ProwJobAgents.Kubernetes, ProwJobAgents.TektonPipeline },
                Informer = new WorkloadInformerOptions { InitialBackoff = TimeSpan.FromMilliseconds(10) },
            });
        await using var provider = services.BuildServiceProvider();
        var clusters = provider.GetRequiredService<IBuildClusters>();
        foreach (var hosted in provider.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);

        Assert.Equal(["kubernetes/default", "kubernetes/other", "local/default", "tekton-pipeline/default", "tekton-pipeline/other"], clusters.Describe());
        Assert.Same(clusters.Find("kubernetes", "default"), clusters.Find("kubernetes", ""));
        Assert.Null(clusters.Find("kubernetes", "missing"));
        Assert.Null(clusters.Find("jenkins", "default"));

        await clusters.Find("kubernetes", "")!.StartAsync(KubeTestJobs.Presubmit("on-default"));
        await clusters.Find("kubernetes", "other")!.StartAsync(KubeTestJobs.Presubmit("on-other"));

        Assert.Equal(["on-default"], _default.Names(KubeResource.Pods, Ns));
        Assert.Equal(["on-other"], _other.Names(KubeResource.Pods, Ns));
        await Eventually.Until(() => events.Last("on-default").Seen && events.Last("on-other").Seen, TimeSpan.FromSeconds(10), "both informers");
        foreach (var hosted in provider.GetServices<IHostedService>()) await hosted.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void KubeconfigWithoutADefaultContext_IsRefused()
    {
        var path = Kubeconfig(("build01", _default.Url));

        var ex = Assert.Throws<InvalidOperationException>(() => KubernetesClusters.LoadKubeconfigs([path]));

        Assert.Contains("no context named \"default\"", ex.Message);
        Assert.Contains("build01", ex.Message);
    }

    [Fact]
    public void KubeconfigDir_MergesTheFiles_AndRefusesDuplicateContexts()
    {
        Kubeconfig(("default", _default.Url));
        Kubeconfig(("build02", _other.Url));

        using var clusters = KubernetesClusters.Load(new KubernetesBuildClusterOptions { KubeconfigDir = _dir.Path, InCluster = false });

        Assert.Equal(["build02", "default"], clusters.Aliases);
        Kubeconfig(("build02", _other.Url));
        Assert.Throws<InvalidOperationException>(() => KubernetesClusters.Load(new KubernetesBuildClusterOptions { KubeconfigDir = _dir.Path }));
    }

    [Fact]
    public void NoKubeconfig_OutsideACluster_MeansNoKubernetesClusters()
    {
        using var clusters = KubernetesClusters.Load(new KubernetesBuildClusterOptions { InCluster = false });

        Assert.Empty(clusters.Aliases);
    }

    [Fact]
    public void Registry_RefusesTheSameClusterTwice()
    {
        var registry = new BuildClusterRegistry();
        registry.Register(ProwJobAgents.Local, "", new NoCluster());

        Assert.Throws<InvalidOperationException>(() => registry.Register(ProwJobAgents.Local, "default", new NoCluster()));
        Assert.Equal(["local/default"], registry.Describe());
    }

    [Fact]
    public async Task WithoutAPodBuilder_StartFailsPermanently()
    {
        await using var kube = new KubernetesBuildClusters(
            new KubernetesClusters(new Dictionary<string, k8s.KubernetesClientConfiguration> { ["default"] = _default.ClientConfiguration() }),
            new KubernetesBuildClusterOptions { PodNamespace = Ns }, events: null);
        var registry = new BuildClusterRegistry([], [kube]);

        var ex = await Assert.ThrowsAsync<BuildClusterException>(() => registry.Find("kubernetes", "default")!.StartAsync(KubeTestJobs.Presubmit()));

        Assert.True(ex.Permanent);
        Assert.Empty(kube.Informers);
    }

    private sealed class NoCluster : IBuildCluster
    {
        public Task<WorkloadObservation> StartAsync(ProwJob job, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<WorkloadObservation?> ObserveAsync(ProwJob job, CancellationToken cancellationToken = default) => Task.FromResult<WorkloadObservation?>(null);
        public Task DeleteAsync(ProwJob job, CancellationToken cancellationToken = default) => Task.CompletedTask;
        public Task<Stream?> OpenLogAsync(ProwJob job, CancellationToken cancellationToken = default) => Task.FromResult<Stream?>(null);
    }
}
