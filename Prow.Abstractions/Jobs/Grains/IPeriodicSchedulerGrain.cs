namespace Prow.Abstractions.Jobs.Grains;

/// <summary>
/// Keeps the periodic grains in step with the configuration (key <see cref="Key"/>): ensures every
/// configured periodic and retires those that were removed (it remembers which it has ensured).
/// </summary>
[Alias("prow.IPeriodicSchedulerGrain")]
public interface IPeriodicSchedulerGrain : IGrainWithStringKey
{
    public const string Key = "default";

    /// <summary>Ensures every periodic of the configuration in force and retires the others. Idempotent.</summary>
    [Alias("Sync")]
    Task<PeriodicSyncResult> Sync();
}

/// <summary>What a sync did: periodics ensured, retired, and how many grain calls failed (retried by the next sync).</summary>
[GenerateSerializer]
[Alias("prow.jobs.PeriodicSyncResult")]
public sealed record PeriodicSyncResult(
    [property: Id(0)] int Ensured,
    [property: Id(1)] int Retired,
    [property: Id(2)] int Failed,
    [property: Id(3)] long ConfigGeneration);
