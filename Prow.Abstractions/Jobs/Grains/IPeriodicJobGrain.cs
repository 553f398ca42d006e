namespace Prow.Abstractions.Jobs.Grains;

/// <summary>
/// One periodic job of the configuration (key: the periodic's name), run as horologium runs it:
/// cron, interval or minimum_interval, one ProwJob per due time, driven by a reminder.
/// </summary>
[Alias("prow.IPeriodicJobGrain")]
public interface IPeriodicJobGrain : IGrainWithStringKey
{
    /// <summary>
    /// Makes sure the periodic is scheduled: reads its definition from the configuration in force,
    /// notes a changed schedule, runs it if it is due and (re)registers its reminder. A periodic no
    /// longer in the configuration is retired instead. Idempotent.
    /// </summary>
    [Alias("Ensure")]
    Task<PeriodicJobStatus> Ensure();

    /// <summary>What the reminder does: runs the periodic if due (at most one ProwJob per due time). Idempotent.</summary>
    [Alias("Tick")]
    Task<PeriodicJobStatus> Tick();

    /// <summary>The periodic was removed from the configuration: unregisters its reminder; nothing runs until it is ensured again.</summary>
    [Alias("Retire")]
    Task Retire();

    [Alias("GetStatus")]
    Task<PeriodicJobStatus> GetStatus();
}

/// <summary>A periodic's schedule and last run, as its grain sees them.</summary>
[GenerateSerializer]
[Alias("prow.jobs.PeriodicJobStatus")]
public sealed record PeriodicJobStatus
{
    [Id(0)] public string Name { get; init; } = "";

    /// <summary>"cron: …", "interval: …" or "minimum_interval: …"; empty before the first ensure.</summary>
    [Id(1)] public string Schedule { get; init; } = "";

    /// <summary>When the grain first saw the current schedule.</summary>
    [Id(2)] public DateTimeOffset? ScheduleSince { get; init; }

    /// <summary>The due time of the last run and the ProwJob it created.</summary>
    [Id(3)] public DateTimeOffset? LastDue { get; init; }

    [Id(4)] public string? LastProwJob { get; init; }

    [Id(5)] public DateTimeOffset? LastStarted { get; init; }

    [Id(6)] public DateTimeOffset? LastCompleted { get; init; }

    /// <summary>The next due time; null while the last run is still running, or when the periodic is retired.</summary>
    [Id(7)] public DateTimeOffset? NextDue { get; init; }

    [Id(8)] public bool Retired { get; init; }

    /// <summary>The periodic's reminder is registered.</summary>
    [Id(9)] public bool ReminderRegistered { get; init; }
}
