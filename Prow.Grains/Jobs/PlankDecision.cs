using Prow.Abstractions.Jobs;

namespace Prow.Grains.Jobs;

/// <summary>
/// The outcome of <see cref="PlankRules"/>: an action, and for completions the final state and
/// Prow's description; <see cref="DeleteWorkload"/> when the workload must be removed first.
/// </summary>
public sealed record PlankDecision(
    PlankAction Action,
    ProwJobState? State = null,
    string Description = "",
    bool DeleteWorkload = false,
    TimeSpan? RecheckAfter = null)
{
    public static PlankDecision Wait(TimeSpan? recheckAfter = null, string reason = "") =>
        new(PlankAction.Wait, Description: reason, RecheckAfter: recheckAfter);

    public static PlankDecision Complete(ProwJobState state, string description, bool deleteWorkload = false) =>
        new(PlankAction.Complete, state, description, deleteWorkload);
}
