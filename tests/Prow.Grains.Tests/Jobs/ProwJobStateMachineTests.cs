using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;

namespace Prow.Grains.Tests.Jobs;

public sealed class ProwJobStateMachineTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Start.AddMinutes(3);

    private static ProwJobStatus Status(ProwJobState state, bool complete = false) => new()
    {
        StartTime = Start,
        State = state,
        Description = "before",
        PendingTime = state is ProwJobState.Pending or ProwJobState.Success or ProwJobState.Failure ? Start.AddMinutes(1) : null,
        CompletionTime = complete ? Start.AddMinutes(2) : null,
    };

    public static TheoryData<ProwJobState, ProwJobState, TransitionOutcome> Table()
    {
        var legal = new HashSet<(ProwJobState, ProwJobState)>
        {
            (ProwJobState.Scheduling, ProwJobState.Triggered), (ProwJobState.Scheduling, ProwJobState.Aborted), (ProwJobState.Scheduling, ProwJobState.Error),
            (ProwJobState.Triggered, ProwJobState.Pending), (ProwJobState.Triggered, ProwJobState.Aborted), (ProwJobState.Triggered, ProwJobState.Error),
            (ProwJobState.Pending, ProwJobState.Success), (ProwJobState.Pending, ProwJobState.Failure),
            (ProwJobState.Pending, ProwJobState.Aborted), (ProwJobState.Pending, ProwJobState.Error),
        };
        var data = new TheoryData<ProwJobState, ProwJobState, TransitionOutcome>();
        foreach (var from in Enum.GetValues<ProwJobState>())
        {
            foreach (var to in Enum.GetValues<ProwJobState>())
            {
                var outcome = from == to ? TransitionOutcome.Unchanged
                    : legal.Contains((from, to)) ? TransitionOutcome.Applied : TransitionOutcome.Rejected;
                data.Add(from, to, outcome);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void EveryPairOfStates_FollowsTheLifeCycle(ProwJobState from, ProwJobState to, TransitionOutcome expected)
    {
        var result = ProwJobStateMachine.Transition(Status(from), to, Now);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(expected == TransitionOutcome.Applied ? to : from, result.Status.State);
        Assert.Equal(expected == TransitionOutcome.Rejected, result.Reason.Length > 0);
    }

    public static TheoryData<ProwJobState> AllStates() => new(Enum.GetValues<ProwJobState>());

    [Theory]
    [MemberData(nameof(AllStates))]
    public void CompletedJob_NeverChanges(ProwJobState to)
    {
        var completed = Status(ProwJobState.Success, complete: true);

        var result = ProwJobStateMachine.Transition(completed, to, Now, "late");

        Assert.Equal(TransitionOutcome.Rejected, result.Outcome);
        Assert.Same(completed, result.Status);
        Assert.Equal("before", completed.Description);
    }

    public static TheoryData<string, ProwJobState, ProwJobState, string?, bool, string, bool, bool> FieldCases => new()
    {
        // scenario, from, to, description, completeAborted, expected description, pendingTime set now, completionTime set now
        { "start sets pendingTime and plank's description", ProwJobState.Triggered, ProwJobState.Pending, null, false, "Job triggered.", true, false },
        { "success completes with plank's description", ProwJobState.Pending, ProwJobState.Success, null, false, "Job succeeded.", false, true },
        { "failure completes with plank's description", ProwJobState.Pending, ProwJobState.Failure, null, false, "Job failed.", false, true },
        { "error completes with the given reason", ProwJobState.Pending, ProwJobState.Error, "Pod pending timeout.", false, "Pod pending timeout.", false, true },
        { "abort request keeps the job open", ProwJobState.Pending, ProwJobState.Aborted, "Successfully aborted job.", false, "Successfully aborted job.", false, false },
        { "abort with completion completes", ProwJobState.Pending, ProwJobState.Aborted, "Pod running timeout.", true, "Pod running timeout.", false, true },
        { "scheduled keeps the description", ProwJobState.Scheduling, ProwJobState.Triggered, null, false, "before", false, false },
        { "triggered job that cannot start errors", ProwJobState.Triggered, ProwJobState.Error, "Pod can not be created: boom", false, "Pod can not be created: boom", false, true },
    };

    [Theory]
    [MemberData(nameof(FieldCases))]
    public void AppliedTransition_SetsTheStatusFields(
        string scenario, ProwJobState from, ProwJobState to, string? description, bool completeAborted, string expectedDescription, bool pendingNow, bool completedNow)
    {
        var before = Status(from);

        var result = ProwJobStateMachine.Transition(before, to, Now, description, completeAborted);

        Assert.True(result.Applied, scenario);
        Assert.Equal(expectedDescription, result.Status.Description);
        Assert.Equal(pendingNow ? Now : before.PendingTime, result.Status.PendingTime);
        Assert.Equal(completedNow ? (DateTimeOffset?)Now : null, result.Status.CompletionTime);
        Assert.Equal(from, before.State);
    }

    [Fact]
    public void AbortedJob_IsCompletedOnceItsWorkloadIsGone()
    {
        var aborted = ProwJobStateMachine.Transition(Status(ProwJobState.Pending), ProwJobState.Aborted, Now, "Successfully aborted job.").Status;

        var completed = ProwJobStateMachine.CompleteAborted(aborted, Now.AddSeconds(5));
        var again = ProwJobStateMachine.CompleteAborted(completed.Status, Now.AddSeconds(9));

        Assert.Equal(TransitionOutcome.Applied, completed.Outcome);
        Assert.Equal(Now.AddSeconds(5), completed.Status.CompletionTime);
        Assert.Equal("Successfully aborted job.", completed.Status.Description);
        Assert.Equal(TransitionOutcome.Unchanged, again.Outcome);
        Assert.Equal(TransitionOutcome.Rejected, ProwJobStateMachine.Transition(completed.Status, ProwJobState.Pending, Now).Outcome);
    }

    [Fact]
    public void CompleteAborted_RejectsJobsThatAreNotAborted()
    {
        Assert.Equal(TransitionOutcome.Rejected, ProwJobStateMachine.CompleteAborted(Status(ProwJobState.Pending), Now).Outcome);
    }

    [Fact]
    public void SecondStart_KeepsTheFirstPendingTime()
    {
        var pending = Status(ProwJobState.Pending);

        var result = ProwJobStateMachine.Transition(pending, ProwJobState.Pending, Now);

        Assert.Equal(TransitionOutcome.Unchanged, result.Outcome);
        Assert.Equal(Start.AddMinutes(1), result.Status.PendingTime);
    }

    [Fact]
    public void JobWithoutState_IsRejected()
    {
        Assert.Equal(TransitionOutcome.Rejected, ProwJobStateMachine.Transition(new ProwJobStatus(), ProwJobState.Pending, Now).Outcome);
    }
}
