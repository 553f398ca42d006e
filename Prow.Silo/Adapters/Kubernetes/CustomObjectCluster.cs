using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;
using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>
/// A build cluster whose workload is one custom object per job (a Knative Build, a Tekton PipelineRun),
/// named after the job, in the cluster's namespace, carrying Prow's workload labels and annotations.
/// Create/adopt/retry/refuse and delete behave as for pods; state comes from the Succeeded condition.
/// </summary>
public abstract class CustomObjectCluster : IBuildCluster
{
    private readonly IKubernetes _client;
    private readonly KubernetesCalls _calls;

    protected CustomObjectCluster(IKubernetes client, string objectNamespace, CustomObjectKind kind,
        KubernetesRetryOptions? retry, TimeProvider? time, ILogger? logger)
    {
        _client = client;
        Namespace = objectNamespace;
        Kind = kind;
        _calls = new KubernetesCalls(retry ?? new(), time ?? TimeProvider.System, logger ?? NullLogger.Instance);
    }

    public string Namespace { get; }

    public CustomObjectKind Kind { get; }

    /// <summary>The object's spec for <paramref name="job"/>. Throw <see cref="BuildClusterException"/> (permanent) when the job cannot have one.</summary>
    protected abstract JsonObject BuildSpec(ProwJob job);

    /// <summary>The complete object: apiVersion, kind, metadata (name, namespace, Prow's labels and annotations) and <see cref="BuildSpec"/>.</summary>
    public JsonObject Build(ProwJob job)
    {
        var (labels, annotations) = ProwJobLabels.ForWorkload(job);
        return new JsonObject
        {
            ["apiVersion"] = Kind.ApiVersion,
            ["kind"] = Kind.Kind,
            ["metadata"] = new JsonObject
            {
                ["name"] = job.Name,
                ["namespace"] = Namespace,
                ["labels"] = ToJson(labels),
                ["annotations"] = ToJson(annotations),
            },
            ["spec"] = BuildSpec(job),
        };
    }

    public async Task<WorkloadObservation> StartAsync(ProwJob job, CancellationToken cancellationToken = default)
    {
        var body = Build(job);
        var what = $"create {Kind.Plural} {Namespace}/{job.Name}";
        try
        {
            var created = await _calls.RunAsync(what, ct => _client.CustomObjects.CreateNamespacedCustomObjectAsync(
                body, Kind.Group, Kind.Version, Namespace, Kind.Plural, cancellationToken: ct), cancellationToken);
            return ConditionObservations.From(CustomObjectJson.ToObject(created));
        }
        catch (HttpOperationException ex) when (KubernetesCalls.StatusOf(ex) == HttpStatusCode.Conflict)
        {
            return await ObserveAsync(job, cancellationToken)
                ?? throw new BuildClusterException($"{what}: it exists (409) but is gone again", permanent: false, ex);
        }
        catch (HttpOperationException ex)
        {
            throw KubernetesCalls.Refused(what, ex);
        }
    }

    public async Task<WorkloadObservation?> ObserveAsync(ProwJob job, CancellationToken cancellationToken = default)
    {
        var what = $"get {Kind.Plural} {Namespace}/{job.Name}";
        try
        {
            var found = await _calls.RunAsync(what, ct => _client.CustomObjects.GetNamespacedCustomObjectAsync(
                Kind.Group, Kind.Version, Namespace, Kind.Plural, job.Name, ct), cancellationToken);
            return ConditionObservations.From(CustomObjectJson.ToObject(found));
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

    public async Task DeleteAsync(ProwJob job, CancellationToken cancellationToken = default)
    {
        var what = $"delete {Kind.Plural} {Namespace}/{job.Name}";
        try
        {
            await _calls.RunAsync(what, ct => _client.CustomObjects.DeleteNamespacedCustomObjectAsync(
                Kind.Group, Kind.Version, Namespace, Kind.Plural, job.Name, cancellationToken: ct), cancellationToken);
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

    /// <summary>No log: the steps run in pods the Build/PipelineRun controller names; Prow's Deck reads their logs from GCS.</summary>
    public Task<Stream?> OpenLogAsync(ProwJob job, CancellationToken cancellationToken = default) => Task.FromResult<Stream?>(null);

    private static JsonObject ToJson(Dictionary<string, string> values)
    {
        var result = new JsonObject();
        foreach (var (key, value) in values.OrderBy(kv => kv.Key, StringComparer.Ordinal)) result[key] = value;
        return result;
    }
}
