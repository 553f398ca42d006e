using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;
using Prow.Abstractions.Jobs;

namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>The pods labelled <c>created-by-prow=true</c> in a namespace.</summary>
public sealed class PodWorkloadSource(IKubernetes client, string podNamespace) : IWorkloadSource
{
    private const string Selector = ProwJobLabels.CreatedByProw + "=true";

    public string Description => $"pods in {podNamespace}";

    public async Task<WorkloadList> ListAsync(CancellationToken cancellationToken)
    {
        var list = await client.CoreV1.ListNamespacedPodAsync(podNamespace, labelSelector: Selector, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new WorkloadList(
            list.Items.Where(p => p.Metadata?.Name is not null).Select(p => (p.Metadata.Name, PodObservations.From(p))).ToList(),
            list.Metadata?.ResourceVersion ?? "");
    }

    public async IAsyncEnumerable<WorkloadWatchEvent> WatchAsync(string resourceVersion, TimeSpan timeout, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Exception? error = null;
        var events = client.CoreV1.WatchListNamespacedPodAsync(podNamespace, allowWatchBookmarks: true, labelSelector: Selector,
            resourceVersion: resourceVersion, timeoutSeconds: (int)Math.Max(1, timeout.TotalSeconds), onError: e => error ??= e,
            cancellationToken: cancellationToken);
        await foreach (var (type, pod) in WatchErrors.Translate(events, () => error, cancellationToken).ConfigureAwait(false))
        {
            if (pod?.Metadata is not { } meta) continue;
            yield return type switch
            {
                WatchEventType.Deleted => new WorkloadWatchEvent(meta.Name, null, meta.ResourceVersion ?? ""),
                WatchEventType.Bookmark => new WorkloadWatchEvent("", null, meta.ResourceVersion ?? "", Bookmark: true),
                _ => new WorkloadWatchEvent(meta.Name, PodObservations.From(pod), meta.ResourceVersion ?? ""),
            };
        }
    }
}
