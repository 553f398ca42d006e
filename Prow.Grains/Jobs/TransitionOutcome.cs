namespace Prow.Grains.Jobs;

/// <summary>What a requested state change did.</summary>
public enum TransitionOutcome
{
    /// <summary>The status changed; persist and report it.</summary>
    Applied,

    /// <summary>The job is already in that state (a retried request): nothing to do.</summary>
    Unchanged,

    /// <summary>Not allowed (completed job, or no such edge); the status is unchanged.</summary>
    Rejected,
}
