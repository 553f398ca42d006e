using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;
using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>
/// Agent <c>kubernetes</c>: one pod per job, named after the job, in the build cluster's pod namespace.
/// The pod comes from <paramref name="podBuilder"/> (Prow's decoration); its name and namespace are set
/// here and Prow's workload labels added where the builder left them out, so the informer sees it.
/// </summary>
public sealed class KubernetesPodCluster(
    IKubernetes client,
    string podNamespace,
    Func<ProwJob, V1Pod> podBuilder,
    KubernetesRetryOptions? retry = null,
    TimeProvider? time = null,
    ILogger<KubernetesPodCluster>? logger = null) : IBuildCluster
{
    /// <summary>Prow's decorated test container.</summary>
    public const string TestContainer = "test";

    private readonly KubernetesCalls _calls = new(retry ?? new(), time ?? TimeProvider.System, logger ?? (ILogger)NullLogger.Instance);

    public string Namespace { get; } = podNamespace;

    public async Task<WorkloadObservation> StartAsync(ProwJob job, CancellationToken cancellationToken = default)
    {
        V1Pod pod;
        try
        {
            pod = podBuilder(job);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new BuildClusterException($"cannot build the pod for {job.Name}: {ex.Message}", permanent: true, ex);
        }
        pod.Metadata ??= new V1ObjectMeta();
        pod.Metadata.Name = job.Name;
        pod.Metadata.NamespaceProperty = Namespace;
        var (labels, annotations) = ProwJobLabels.ForWorkload(job);
        pod.Metadata.Labels ??= new Dictionary<string, string>();
        foreach (var (key, value) in labels) pod.Metadata.Labels.TryAdd(key, value);
        pod.Metadata.Annotations ??= new Dictionary<string, string>();
        foreach (var (key, value) in annotations) pod.Metadata.Annotations.TryAdd(key, value);

        var what = $"create pod {Namespace}/{job.Name}";
        try
        {
            var created = await _calls.RunAsync(what, ct => client.CoreV1.CreateNamespacedPodAsync(pod, Namespace, cancellationToken: ct), cancellationToken);
            return PodObservations.From(created);
        }
        catch (HttpOperationException ex) when (KubernetesCalls.StatusOf(ex) == HttpStatusCode.Conflict)
        {
            // Created before (a retried create, a restart, a lost reply): adopt it.
            return await ObserveAsync(job, cancellationToken)
                ?? throw new BuildClusterException($"{what}: it exists (409) but is gone again", permanent: false, ex);
        }
        catch (HttpOperationException ex)
        {
            throw KubernetesCalls.Refused(what, ex);
        }
    }

    public async Task<WorkloadObservation?> ObserveAsync(ProwJob job, CancellationToken cancellationToken = default) =>
        await ReadAsync(job.Name, cancellationToken) is { } pod ? PodObservations.From(pod) : null;

    public async Task DeleteAsync(ProwJob job, CancellationToken cancellationToken = default)
    {
        var what = $"delete pod {Namespace}/{job.Name}";
        try
        {
            await _calls.RunAsync(what, ct => client.CoreV1.DeleteNamespacedPodAsync(job.Name, Namespace, cancellationToken: ct), cancellationToken);
        }
        catch (HttpOperationException ex) when (KubernetesCalls.StatusOf(ex) == HttpStatusCode.NotFound)
        {
            // already gone
        }
        catch (HttpOperationException ex)
        {
            throw KubernetesCalls.Refused(what, ex);
        }
    }

    public async Task<Stream?> OpenLogAsync(ProwJob job, CancellationToken cancellationToken = default)
    {
        if (await ReadAsync(job.Name, cancellationToken) is not { } pod) return null;
        var containers = pod.Spec?.Containers ?? [];
        var container = containers.Any(c => c.Name == TestContainer) ? TestContainer : containers.FirstOrDefault()?.Name;
        if (container is null) return null;
        var what = $"read log of pod {Namespace}/{job.Name} container {container}";
        try
        {
            return await _calls.RunAsync(what, ct => client.CoreV1.ReadNamespacedPodLogAsync(job.Name, Namespace, container: container, cancellationToken: ct), cancellationToken);
        }
        catch (HttpOperationException ex) when (KubernetesCalls.StatusOf(ex) is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            // gone, or the container has not started yet ("container ... is waiting to start")
            return null;
        }
        catch (HttpOperationException ex)
        {
            throw KubernetesCalls.Refused(what, ex);
        }
    }

    private async Task<V1Pod?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        var what = $"get pod {Namespace}/{name}";
        try
        {
            return await _calls.RunAsync(what, ct => client.CoreV1.ReadNamespacedPodAsync(name, Namespace, cancellationToken: ct), cancellationToken);
        }
        catch (HttpOperationException ex) when (KubernetesCalls.StatusOf(ex) == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (HttpOperationException ex)
        {
            throw KubernetesCalls.Refused(what, ex);
        }
    }
}
