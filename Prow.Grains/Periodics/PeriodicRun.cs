using Prow.Abstractions.Jobs;

namespace Prow.Grains.Periodics;

/// <summary>A periodic's last run: its due time, the ProwJob it created, when that started and completed.</summary>
[GenerateSerializer]
[Alias("prow.periodics.PeriodicRun")]
public sealed class PeriodicRun
{
    /// <summary>The due time the run was made for (the ProwJob's name is derived from it).</summary>
    [Id(0)] public DateTimeOffset Due { get; set; }

    /// <summary>The ProwJob's name: <see cref="PeriodicRules.JobName"/> of the periodic and <see cref="Due"/>.</summary>
    [Id(1)] public string ProwJob { get; set; } = "";

    /// <summary>The ProwJob exists (its create returned). False between persisting the run and creating its job.</summary>
    [Id(2)] public bool Created { get; set; }

    /// <summary>The ProwJob's start time (set once created).</summary>
    [Id(3)] public DateTimeOffset? StartedAt { get; set; }

    /// <summary>The ProwJob's completion time; null while it runs.</summary>
    [Id(4)] public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The ProwJob's final state once complete.</summary>
    [Id(5)] public ProwJobState? State { get; set; }

    /// <summary>0 for a scheduled run; n for the n-th retry of a failed run (Prow's prow.k8s.io/re-run label).</summary>
    [Id(6)] public int Attempt { get; set; }

    public bool Complete => CompletedAt is not null;
}
