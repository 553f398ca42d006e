using Prow.Abstractions.Jobs;

namespace Prow.Grains.Jobs;

/// <summary>
/// The ProwJob life cycle as Prow's controllers drive it: scheduling → triggered → pending →
/// success | failure | error, and aborted from any running state. A job is complete once it has a
/// completion time, and a complete job never changes again. Aborted may be set without completing
/// (Prow's "abort requested": the agent deletes the workload, then <see cref="CompleteAborted"/>).
/// Pure: takes a status and returns a new one; the caller persists it.
/// </summary>
public static class ProwJobStateMachine
{
    /// <summary>plank's description when the workload is started (triggered → pending).</summary>
    public const string JobTriggered = "Job triggered.";
    /// <summary>plank's description for a pod that succeeded.</summary>
    public const string JobSucceeded = "Job succeeded.";
    /// <summary>plank's description for a pod that failed.</summary>
    public const string JobFailed = "Job failed.";

    private static readonly Dictionary<ProwJobState, ProwJobState[]> Edges = new()
    {
        [ProwJobState.Scheduling] = [ProwJobState.Triggered, ProwJobState.Aborted, ProwJobState.Error],
        [ProwJobState.Triggered] = [ProwJobState.Pending, ProwJobState.Aborted, ProwJobState.Error],
        [ProwJobState.Pending] = [ProwJobState.Success, ProwJobState.Failure, ProwJobState.Aborted, ProwJobState.Error],
        [ProwJobState.Aborted] = [],
        [ProwJobState.Success] = [],
        [ProwJobState.Failure] = [],
        [ProwJobState.Error] = [],
    };

    /// <summary>Whether the life cycle has an edge from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool IsLegal(ProwJobState from, ProwJobState to) => Edges[from].Contains(to);

    /// <summary>Success, failure and error always complete the job; aborted may wait for clean-up.</summary>
    public static bool AlwaysCompletes(ProwJobState state) =>
        state is ProwJobState.Success or ProwJobState.Failure or ProwJobState.Error;

    /// <summary>
    /// Moves the job to <paramref name="to"/>. Pending sets pendingTime (once); success, failure and
    /// error set completionTime; aborted sets it only with <paramref name="completeAborted"/>.
    /// The description is <paramref name="description"/>, else plank's default for the state
    /// ("Job triggered.", "Job succeeded.", "Job failed."), else the previous one.
    /// </summary>
    public static ProwJobTransition Transition(
        ProwJobStatus status, ProwJobState to, DateTimeOffset now, string? description = null, bool completeAborted = false)
    {
        if (status.CompletionTime is not null)
            return new(TransitionOutcome.Rejected, status, $"the job is complete ({Name(status.State)}); it cannot become {Name(to)}");
        if (status.State is not { } from)
            return new(TransitionOutcome.Rejected, status, "the job has no state");
        if (from == to)
        {
            return to == ProwJobState.Aborted && completeAborted
                ? CompleteAborted(status, now, description)
                : new(TransitionOutcome.Unchanged, status);
        }
        if (!IsLegal(from, to))
            return new(TransitionOutcome.Rejected, status, $"illegal transition from {Name(from)} to {Name(to)}");

        var next = status.Clone();
        next.State = to;
        next.Description = description ?? DefaultDescription(to) ?? status.Description;
        if (to == ProwJobState.Pending) next.PendingTime ??= now;
        if (AlwaysCompletes(to) || (to == ProwJobState.Aborted && completeAborted)) next.CompletionTime = now;
        return new(TransitionOutcome.Applied, next);
    }

    /// <summary>
    /// Completes an aborted job once its workload is gone (plank's syncAbortedJob): sets
    /// completionTime and keeps the abort's description unless another is given.
    /// </summary>
    public static ProwJobTransition CompleteAborted(ProwJobStatus status, DateTimeOffset now, string? description = null)
    {
        if (status.CompletionTime is not null) return new(TransitionOutcome.Unchanged, status);
        if (status.State != ProwJobState.Aborted)
            return new(TransitionOutcome.Rejected, status, $"only an aborted job can be completed as aborted, not {Name(status.State)}");
        var next = status.Clone();
        next.CompletionTime = now;
        if (description is not null) next.Description = description;
        return new(TransitionOutcome.Applied, next);
    }

    /// <summary>Prow's string for a state ("pending"), or "none".</summary>
    public static string Name(ProwJobState? state) => state switch
    {
        ProwJobState.Scheduling => "scheduling",
        ProwJobState.Triggered => "triggered",
        ProwJobState.Pending => "pending",
        ProwJobState.Success => "success",
        ProwJobState.Failure => "failure",
        ProwJobState.Aborted => "aborted",
        ProwJobState.Error => "error",
        _ => "none",
    };

    private static string? DefaultDescription(ProwJobState state) => state switch
    {
        ProwJobState.Pending => JobTriggered,
        ProwJobState.Success => JobSucceeded,
        ProwJobState.Failure => JobFailed,
        _ => null,
    };
}
