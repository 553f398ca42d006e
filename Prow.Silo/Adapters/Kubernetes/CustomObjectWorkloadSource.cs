using System.Runtime.CompilerServices;
using k8s;
using Prow.Abstractions.Jobs;

namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>The custom objects of one kind (Builds, PipelineRuns) labelled <c>created-by-prow=true</c> in a namespace.</summary>
public sealed class CustomObjectWorkloadSource(IKubernetes client, CustomObjectKind kind, string objectNamespace) : IWorkloadSource
{
    private const string Selector = ProwJobLabels.CreatedByProw + "=true";

    public string Description => $"{kind} in {objectNamespace}";

    public async Task<WorkloadList> ListAsync(CancellationToken cancellationToken)
    {
        var list = CustomObjectJson.ToObject(await client.CustomObjects.ListNamespacedCustomObjectAsync(
            kind.Group, kind.Version, objectNamespace, kind.Plural, labelSelector: Selector, cancellationToken: cancellationToken).ConfigureAwait(false));
        var items = (list["items"]?.AsArray() ?? [])
            .OfType<System.Text.Json.Nodes.JsonObject>()
            .Where(o => CustomObjectJson.String(o, "metadata", "name") is not null)
            .Select(o => (CustomObjectJson.String(o, "metadata", "name")!, ConditionObservations.From(o)))
            .ToList();
        return new WorkloadList(items, CustomObjectJson.String(list, "metadata", "resourceVersion") ?? "");
    }

    public async IAsyncEnumerable<WorkloadWatchEvent> WatchAsync(string resourceVersion, TimeSpan timeout, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Exception? error = null;
        var events = client.CustomObjects.WatchListNamespacedCustomObjectAsync(kind.Group, kind.Version, objectNamespace, kind.Plural,
            allowWatchBookmarks: true, labelSelector: Selector, resourceVersion: resourceVersion,
            timeoutSeconds: (int)Math.Max(1, timeout.TotalSeconds), onError: e => error ??= e, cancellationToken: cancellationToken);
        await foreach (var (type, value) in WatchErrors.Translate(events, () => error, cancellationToken).ConfigureAwait(false))
        {
            var obj = CustomObjectJson.ToObject(value);
            var name = CustomObjectJson.String(obj, "metadata", "name") ?? "";
            var version = CustomObjectJson.String(obj, "metadata", "resourceVersion") ?? "";
            yield return type switch
            {
                WatchEventType.Bookmark => new WorkloadWatchEvent("", null, version, Bookmark: true),
                WatchEventType.Deleted => new WorkloadWatchEvent(name, null, version),
                _ => new WorkloadWatchEvent(name, ConditionObservations.From(obj), version),
            };
        }
    }
}
