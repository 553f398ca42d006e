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
