namespace Prow.Abstractions.Jobs;

/// <summary>
/// What concurrency admission needs to know about another triggered or pending job: its name, job,
/// queue, state and creation time (jobs start in creation order).
/// </summary>
[GenerateSerializer]
[Alias("prow.jobs.ActiveJobSummary")]
public sealed class ActiveJobSummary
{
    /// <summary>The ProwJob's name (UUID).</summary>
    [Id(0)] public string Name { get; init; } = "";

    /// <summary>The job's config name (<c>spec.job</c>).</summary>
    [Id(1)] public string Job { get; init; } = "";

    [Id(2)] public string JobQueueName { get; init; } = "";
    [Id(3)] public ProwJobState State { get; init; }
    [Id(4)] public DateTimeOffset CreatedAt { get; init; }

    public static ActiveJobSummary From(ProwJob job) => new()
    {
        Name = job.Name,
        Job = job.Spec.Job,
        JobQueueName = job.Spec.JobQueueName,
        State = job.Status.State ?? ProwJobState.Triggered,
        CreatedAt = CreationTime(job),
    };

    /// <summary>metadata.creationTimestamp, else status.startTime (the same instant for jobs we create).</summary>
    public static DateTimeOffset CreationTime(ProwJob job) =>
        job.Metadata.CreationTimestamp ?? job.Status.StartTime ?? DateTimeOffset.MinValue;
}
