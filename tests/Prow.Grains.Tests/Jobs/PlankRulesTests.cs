using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;

namespace Prow.Grains.Tests.Jobs;

public sealed class PlankRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly PlankTimeouts Limits = PlankTimeouts.Defaults;

    private static ProwJob Job(ProwJobState state, int revivals = 0, bool errorOnEviction = false) => new()
    {
        Metadata = { Name = "job-1" },
        Spec = { Type = ProwJobType.Presubmit, Job = "unit", ErrorOnEviction = errorOnEviction },
        Status = { State = state, StartTime = Now.AddHours(-1), PodRevivalCount = revivals, Description = "Successfully aborted unit." },
    };

    private static WorkloadObservation Pod(
        WorkloadPhase phase, TimeSpan? createdAgo = null, TimeSpan? startedAgo = null,
        bool deleting = false, string reason = "", bool oom = false, bool allSucceeded = true) => new()
    {
        Phase = phase,
        CreatedAt = Now - (createdAgo ?? TimeSpan.FromMinutes(1)),
        StartedAt = startedAgo is { } s ? Now - s : null,
        Deleting = deleting,
        Reason = reason,
        OomKilled = oom,
        AllContainersSucceeded = allSucceeded,
    };

    private static readonly TimeSpan Min = TimeSpan.FromMinutes(1);

    public static TheoryData<string, ProwJob, WorkloadObservation?, PlankAction, ProwJobState?, string, bool> PendingCases => new()
    {
        // scenario, job, workload, action, state, description, delete workload
        { "workload missing: start a new one", Job(ProwJobState.Pending), null, PlankAction.StartWorkload, null, "", false },
        { "succeeded", Job(ProwJobState.Pending), Pod(WorkloadPhase.Succeeded, startedAgo: Min), PlankAction.Complete, ProwJobState.Success, "Job succeeded.", false },
        { "succeeded but a container did not finish", Job(ProwJobState.Pending), Pod(WorkloadPhase.Succeeded, startedAgo: Min, allSucceeded: false), PlankAction.Complete, ProwJobState.Error, "Pod was in succeeded phase but some containers didn't finish", false },
        { "failed", Job(ProwJobState.Pending), Pod(WorkloadPhase.Failed, startedAgo: Min), PlankAction.Complete, ProwJobState.Failure, "Job failed.", false },
        { "unscheduled for 4m: wait", Job(ProwJobState.Pending), Pod(WorkloadPhase.Pending, createdAgo: TimeSpan.FromMinutes(4)), PlankAction.Wait, null, "", false },
        { "unscheduled for 5m: scheduling timeout", Job(ProwJobState.Pending), Pod(WorkloadPhase.Pending, createdAgo: TimeSpan.FromMinutes(5)), PlankAction.Complete, ProwJobState.Error, "Pod scheduling timeout.", true },
        { "scheduled, pending 9m: wait", Job(ProwJobState.Pending), Pod(WorkloadPhase.Pending, createdAgo: TimeSpan.FromMinutes(30), startedAgo: TimeSpan.FromMinutes(9)), PlankAction.Wait, null, "", false },
        { "scheduled, pending 10m: pending timeout", Job(ProwJobState.Pending), Pod(WorkloadPhase.Pending, startedAgo: TimeSpan.FromMinutes(10)), PlankAction.Complete, ProwJobState.Error, "Pod pending timeout.", true },
        { "running 47h: wait", Job(ProwJobState.Pending), Pod(WorkloadPhase.Running, startedAgo: TimeSpan.FromHours(47)), PlankAction.Wait, null, "", false },
        { "running 48h: running timeout aborts", Job(ProwJobState.Pending), Pod(WorkloadPhase.Running, startedAgo: TimeSpan.FromHours(48)), PlankAction.Complete, ProwJobState.Aborted, "Pod running timeout.", true },
        { "running without start time: wait", Job(ProwJobState.Pending), Pod(WorkloadPhase.Running), PlankAction.Wait, null, "", false },
        { "running but being deleted", Job(ProwJobState.Pending), Pod(WorkloadPhase.Running, startedAgo: Min, deleting: true), PlankAction.Complete, ProwJobState.Error, "Pod got deleted unexpectedly", false },
        { "pending but being deleted", Job(ProwJobState.Pending), Pod(WorkloadPhase.Pending, deleting: true), PlankAction.Complete, ProwJobState.Error, "Pod got deleted unexpectedly", false },
        { "oom killed while running", Job(ProwJobState.Pending), Pod(WorkloadPhase.Running, startedAgo: Min, oom: true), PlankAction.Complete, ProwJobState.Error, "Job pod was OOM killed by the cluster.", false },
        { "evicted: recreate", Job(ProwJobState.Pending), Pod(WorkloadPhase.Failed, reason: "Evicted"), PlankAction.RecreateWorkload, null, "evicted", true },
        { "evicted with error_on_eviction", Job(ProwJobState.Pending, errorOnEviction: true), Pod(WorkloadPhase.Failed, reason: "Evicted"), PlankAction.Complete, ProwJobState.Error, "Job pod was evicted by the cluster.", false },
        { "evicted a third time: recreate", Job(ProwJobState.Pending, revivals: 2), Pod(WorkloadPhase.Failed, reason: "Evicted"), PlankAction.RecreateWorkload, null, "evicted", true },
        { "evicted after 3 revivals: error", Job(ProwJobState.Pending, revivals: 3), Pod(WorkloadPhase.Failed, reason: "Evicted"), PlankAction.Complete, ProwJobState.Error, "Job pod reached max revivals (3) after being stopped unexpectedly (evicted)", false },
        { "node lost while deleting: recreate", Job(ProwJobState.Pending), Pod(WorkloadPhase.Running, deleting: true, reason: "NodeLost"), PlankAction.RecreateWorkload, null, "unreachable", true },
        { "unknown phase after 3 revivals", Job(ProwJobState.Pending, revivals: 3), Pod(WorkloadPhase.Unknown), PlankAction.Complete, ProwJobState.Error, "Job pod reached max revivals (3) after being stopped unexpectedly (unknown)", false },
        { "aborted: delete workload and complete", Job(ProwJobState.Aborted), Pod(WorkloadPhase.Running, startedAgo: Min), PlankAction.CompleteAborted, ProwJobState.Aborted, "Successfully aborted unit.", true },
        { "scheduling: plank ignores it", Job(ProwJobState.Scheduling), null, PlankAction.Wait, null, "", false },
    };

    [Theory]
    [MemberData(nameof(PendingCases))]
    public void Decide_FollowsPlank(
        string scenario, ProwJob job, WorkloadObservation? workload, PlankAction action, ProwJobState? state, string description, bool delete)
    {
        var decision = PlankRules.Decide(job, workload, Now, Limits);

        Assert.True(action == decision.Action, $"{scenario}: {decision}");
        Assert.Equal(state, decision.State);
        Assert.Equal(description, decision.Description);
        Assert.Equal(delete, decision.DeleteWorkload);
    }

    public static TheoryData<string, WorkloadObservation, TimeSpan> RecheckCases => new()
    {
        { "unscheduled 4m of 5m", Pod(WorkloadPhase.Pending, createdAgo: TimeSpan.FromMinutes(4)), TimeSpan.FromMinutes(1) },
        { "pending 9m of 10m", Pod(WorkloadPhase.Pending, startedAgo: TimeSpan.FromMinutes(9)), TimeSpan.FromMinutes(1) },
        { "running 47h of 48h", Pod(WorkloadPhase.Running, startedAgo: TimeSpan.FromHours(47)), TimeSpan.FromHours(1) },
    };

    [Theory]
    [MemberData(nameof(RecheckCases))]
    public void Waiting_SaysWhenTheNextTimeoutFalls(string scenario, WorkloadObservation workload, TimeSpan recheck)
    {
        Assert.True(recheck == PlankRules.Decide(Job(ProwJobState.Pending), workload, Now, Limits).RecheckAfter, scenario);
    }

    [Fact]
    public void CompletedJob_NeedsNothing()
    {
        var job = Job(ProwJobState.Success);
        job.Status.CompletionTime = Now;

        Assert.Equal(PlankAction.Wait, PlankRules.Decide(job, Pod(WorkloadPhase.Running), Now, Limits).Action);
    }

    public static TheoryData<string, WorkloadObservation?, AdmissionDecision, PlankAction> TriggeredCases => new()
    {
        { "admitted: start the workload", null, AdmissionDecision.Admit, PlankAction.StartWorkload },
        { "held: wait", null, AdmissionDecision.Hold("full"), PlankAction.Wait },
        { "workload exists already: mark pending", Pod(WorkloadPhase.Pending), AdmissionDecision.Hold("full"), PlankAction.MarkPending },
    };

    [Theory]
    [MemberData(nameof(TriggeredCases))]
    public void TriggeredJob_StartsOnlyWhenAdmitted(string scenario, WorkloadObservation? workload, AdmissionDecision admission, PlankAction action)
    {
        var decision = PlankRules.Decide(Job(ProwJobState.Triggered), workload, Now, Limits, admission);

        Assert.True(action == decision.Action, scenario);
        if (action == PlankAction.Wait) Assert.Equal(TimeSpan.FromSeconds(10), decision.RecheckAfter);
        else Assert.Equal("Job triggered.", decision.Description);
    }

    [Fact]
    public void DecorationTimeout_WhenEnforced_FailsTheJobAfterTheGracePeriod()
    {
        var job = Job(ProwJobState.Pending);
        job.Spec.DecorationConfig = new DecorationConfig { Timeout = TimeSpan.FromMinutes(30), GracePeriod = TimeSpan.FromSeconds(15) };
        var limits = Limits.ForJob(job.Spec, enforceDecorationTimeout: true);

        var during = PlankRules.Decide(job, Pod(WorkloadPhase.Running, startedAgo: TimeSpan.FromMinutes(30)), Now, limits);
        var after = PlankRules.Decide(job, Pod(WorkloadPhase.Running, startedAgo: TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(15)), Now, limits);
        var notEnforced = PlankRules.Decide(job, Pod(WorkloadPhase.Running, startedAgo: TimeSpan.FromHours(1)), Now, Limits.ForJob(job.Spec));

        Assert.Equal(PlankAction.Wait, during.Action);
        Assert.Equal(TimeSpan.FromSeconds(15), during.RecheckAfter);
        Assert.Equal(PlankDecision.Complete(ProwJobState.Failure, "Process did not finish before 30m0s timeout", deleteWorkload: true), after);
        Assert.Equal(PlankAction.Wait, notEnforced.Action);
    }

    [Fact]
    public void PodCanNotBeCreated_UsesPlanksWording()
    {
        Assert.Equal("Pod can not be created: admission webhook denied", PlankRules.PodCanNotBeCreated("admission webhook denied"));
    }
}
