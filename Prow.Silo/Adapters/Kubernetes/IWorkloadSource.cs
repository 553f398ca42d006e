using Prow.Grains.Jobs;

namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>One kind of workload in one namespace of one cluster, as the informer lists and watches it.</summary>
public interface IWorkloadSource
{
    /// <summary>For logs, e.g. "pods in default/test-pods".</summary>
    string Description { get; }

    /// <summary>Every workload Prow created, and the resourceVersion to watch from.</summary>
    Task<WorkloadList> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Changes after <paramref name="resourceVersion"/> until the server ends the watch or the token is
    /// cancelled. Throws <see cref="WatchExpiredException"/> when that version is too old (410 Gone).
    /// </summary>
    IAsyncEnumerable<WorkloadWatchEvent> WatchAsync(string resourceVersion, TimeSpan timeout, CancellationToken cancellationToken);
}

public sealed record WorkloadList(IReadOnlyList<(string Name, WorkloadObservation Observation)> Items, string ResourceVersion);

/// <summary>A watch event; <see cref="Observation"/> is null for a deletion and for a bookmark (which only moves the resourceVersion).</summary>
public sealed record WorkloadWatchEvent(string Name, WorkloadObservation? Observation, string ResourceVersion, bool Bookmark = false);

/// <summary>The watch's resourceVersion is no longer available (410 Gone): list again.</summary>
public sealed class WatchExpiredException(string message, Exception? inner = null) : Exception(message, inner);
