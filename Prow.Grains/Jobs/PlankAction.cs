namespace Prow.Grains.Jobs;

/// <summary>What the job's owner should do after a plank rule pass.</summary>
public enum PlankAction
{
    /// <summary>Nothing now; look again after <see cref="PlankDecision.RecheckAfter"/> if set.</summary>
    Wait,

    /// <summary>Create the workload (triggered and admitted, or pending with the workload missing).</summary>
    StartWorkload,

    /// <summary>The workload already exists for a triggered job: move the job to pending.</summary>
    MarkPending,

    /// <summary>Complete the job with <see cref="PlankDecision.State"/> and the description.</summary>
    Complete,

    /// <summary>Delete the stopped workload and count a revival; the next pass starts a new one.</summary>
    RecreateWorkload,

    /// <summary>An aborted job: delete the workload, then complete the job as aborted.</summary>
    CompleteAborted,
}
