namespace Prow.Abstractions.Jobs.Grains;

/// <summary>
/// One ProwJob (key: its name, a UUID). Owns the job's state machine, drives its workload on the
/// build cluster named by <c>spec.agent</c>/<c>spec.cluster</c>, and persists every transition
/// before acting on it.
/// </summary>
[Alias("prow.IProwJobGrain")]
public interface IProwJobGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores the job and starts driving it. Idempotent: if a job with this name exists, nothing
    /// changes and the stored job is returned (a retried create never makes a second job).
    /// A job without a state is triggered; its name must be the grain's key.
    /// </summary>
    [Alias("Create")]
    Task<ProwJob> Create(ProwJob job);

    /// <summary>The job, or null when no job has this name.</summary>
    [Alias("Get")]
    Task<ProwJob?> Get();

    /// <summary>
    /// Aborts a triggered or pending job (Deck's abort, a newer push): it becomes aborted with the
    /// description at once; its workload is deleted and then the job completes.
    /// </summary>
    [Alias("Abort")]
    Task<AbortResult> Abort(string description);

    /// <summary>The workload's log (at most <paramref name="maxBytes"/>, the tail when longer); null when there is none.</summary>
    [Alias("GetLog")]
    Task<byte[]?> GetLog(int maxBytes);
}

/// <summary>What an abort request did: <see cref="Aborted"/>, else why not (no such job, already complete...).</summary>
[GenerateSerializer]
[Alias("prow.jobs.AbortResult")]
public sealed record AbortResult([property: Id(0)] bool Aborted, [property: Id(1)] string Reason, [property: Id(2)] ProwJob? Job)
{
    public static AbortResult NotFound { get; } = new(false, "not found", null);
}
