using Prow.Abstractions.Jobs;

namespace Prow.Grains.Jobs;

/// <summary>The result of a state change: the outcome, the (new or unchanged) status, and why when rejected.</summary>
public sealed record ProwJobTransition(TransitionOutcome Outcome, ProwJobStatus Status, string Reason = "")
{
    public bool Applied => Outcome == TransitionOutcome.Applied;
}
