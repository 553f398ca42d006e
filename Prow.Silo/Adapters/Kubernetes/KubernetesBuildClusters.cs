using k8s;
using k8s.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prow.Abstractions.Jobs;
using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>
/// The Kubernetes agents on every configured cluster: for each alias, a <see cref="KubernetesPodCluster"/>
/// (agent kubernetes), <see cref="TektonPipelineCluster"/> and <see cref="KnativeBuildCluster"/> as
/// <see cref="KubernetesBuildClusterOptions.Agents"/> asks, and one <see cref="WorkloadInformer"/> per
/// cluster and workload kind, started and stopped with the host.
/// </summary>
public sealed class KubernetesBuildClusters : IBuildClusterProvider, IHostedService, IAsyncDisposable
{
    private readonly KubernetesClusters _clusters;
    private readonly List<BuildClusterEntry> _entries = [];
    private readonly List<WorkloadInformer> _informers = [];
    private int _disposed;

    public KubernetesBuildClusters(KubernetesClusters clusters, KubernetesBuildClusterOptions options, IWorkloadEvents? events,
        Func<ProwJob, V1Pod>? podBuilder = null, TimeProvider? time = null, ILoggerFactory? loggers = null)
    {
        _clusters = clusters;
        loggers ??= NullLoggerFactory.Instance;
        var ns = string.IsNullOrEmpty(options.PodNamespace) ? "default" : options.PodNamespace;
        var builder = options.PodBuilder ?? podBuilder ?? (job =>
            throw new BuildClusterException($"no pod builder is configured, so {job.Name} cannot run on agent kubernetes", permanent: true));
        foreach (var alias in clusters.Aliases)
        {
            var client = clusters.Client(alias)!;
            foreach (var agent in options.Agents.Order(StringComparer.Ordinal))
            {
                (IBuildCluster Cluster, IWorkloadSource Source)? made = agent switch
                {
                    ProwJobAgents.Kubernetes => (
                        new KubernetesPodCluster(client, ns, builder, options.Retry, time, loggers.CreateLogger<KubernetesPodCluster>()),
                        new PodWorkloadSource(client, ns)),
                    ProwJobAgents.TektonPipeline => Custom(client, new TektonPipelineCluster(client, ns, options.TektonApiVersion, options.Retry, time,
                        loggers.CreateLogger<TektonPipelineCluster>()), ns),
                    ProwJobAgents.KnativeBuild => Custom(client, new KnativeBuildCluster(client, ns, options.KnativeSource, options.Retry, time,
                        loggers.CreateLogger<KnativeBuildCluster>()), ns),
                    _ => null,
                };
                if (made is not { } m) throw new InvalidOperationException($"unknown Kubernetes agent \"{agent}\" (known: kubernetes, tekton-pipeline, knative-build)");
                _entries.Add(new BuildClusterEntry(agent, alias, m.Cluster));
                if (options.Watch && events is not null)
                    _informers.Add(new WorkloadInformer(m.Source, events, options.Informer, time, loggers.CreateLogger<WorkloadInformer>()));
            }
        }
    }

    private static (IBuildCluster, IWorkloadSource) Custom(IKubernetes client, CustomObjectCluster cluster, string ns) =>
        (cluster, new CustomObjectWorkloadSource(client, cluster.Kind, ns));

    public IReadOnlyList<WorkloadInformer> Informers => _informers;

    public IEnumerable<BuildClusterEntry> BuildClusters() => _entries;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var informer in _informers) await informer.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var informer in _informers) await informer.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the informers and disposes the clients; DI may call it once per registration, so only the first call acts.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        foreach (var informer in _informers) await informer.DisposeAsync().ConfigureAwait(false);
        _clusters.Dispose();
    }
}
