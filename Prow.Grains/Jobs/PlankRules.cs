using Prow.Abstractions.Config.Yaml;
using Prow.Abstractions.Jobs;

namespace Prow.Grains.Jobs;

/// <summary>
/// Prow plank's reconcile rules (pkg/plank/reconciler.go) as a pure function: given a job, what its
/// workload looks like, the time and the limits, decide the next step. The description strings are
/// plank's, word for word, so reports and Deck read as they do in Prow.
/// </summary>
public static class PlankRules
{
    public const string JobPodOomKilled = "Job pod was OOM killed by the cluster.";
    public const string JobPodEvicted = "Job pod was evicted by the cluster.";
    public const string PodSucceededButContainersDidNotFinish = "Pod was in succeeded phase but some containers didn't finish";
    public const string PodSchedulingTimeout = "Pod scheduling timeout.";
    public const string PodPendingTimeout = "Pod pending timeout.";
    public const string PodRunningTimeout = "Pod running timeout.";
    public const string PodDeletedUnexpectedly = "Pod got deleted unexpectedly";

    /// <summary>How often plank looks again at a job held back by concurrency limits.</summary>
    public static readonly TimeSpan AdmissionRecheck = TimeSpan.FromSeconds(10);

    /// <summary>plank: "Job pod reached max revivals (N) after being stopped unexpectedly (cause)".</summary>
    public static string MaxRevivalsReached(int revivals, string cause) =>
        $"Job pod reached max revivals ({revivals}) after being stopped unexpectedly ({cause})";

    /// <summary>plank: "Pod can not be created: error" (the workload was refused, e.g. invalid).</summary>
    public static string PodCanNotBeCreated(string error) => $"Pod can not be created: {error}";

    /// <summary>entrypoint's message when the test outlives the decoration timeout.</summary>
    public static string DecorationTimedOut(TimeSpan timeout) => $"Process did not finish before {GoDuration.Format(timeout)} timeout";

    /// <summary>One rule pass for any job: dispatches on its state as plank's reconcile does.</summary>
    public static PlankDecision Decide(
        ProwJob job, WorkloadObservation? workload, DateTimeOffset now, PlankTimeouts timeouts, AdmissionDecision? admission = null)
    {
        if (job.Complete) return PlankDecision.Wait();
        return job.Status.State switch
        {
            ProwJobState.Triggered => DecideTriggered(workload, admission ?? AdmissionDecision.Admit),
            ProwJobState.Pending => DecidePending(job, workload, now, timeouts),
            ProwJobState.Aborted => new PlankDecision(PlankAction.CompleteAborted, ProwJobState.Aborted, job.Status.Description, DeleteWorkload: true),
            _ => PlankDecision.Wait(),
        };
    }

    /// <summary>
    /// plank's syncTriggeredJob: an existing workload (created before a lost update) only needs the
    /// job marked pending; otherwise start one if admitted, or look again in 10s.
    /// </summary>
    public static PlankDecision DecideTriggered(WorkloadObservation? workload, AdmissionDecision admission)
    {
        if (workload is not null) return new PlankDecision(PlankAction.MarkPending, ProwJobState.Pending, ProwJobStateMachine.JobTriggered);
        return admission.Admitted
            ? new PlankDecision(PlankAction.StartWorkload, ProwJobState.Pending, ProwJobStateMachine.JobTriggered)
            : PlankDecision.Wait(AdmissionRecheck, admission.Reason);
    }

    /// <summary>plank's syncPendingJob.</summary>
    public static PlankDecision DecidePending(ProwJob job, WorkloadObservation? workload, DateTimeOffset now, PlankTimeouts timeouts)
    {
        if (workload is null) return new PlankDecision(PlankAction.StartWorkload);

        var cause = UnexpectedStopCause(workload);
        if (cause is not null) return DecideUnexpectedStop(job, cause, timeouts);

        var decision = workload.Phase switch
        {
            WorkloadPhase.Succeeded => workload.AllContainersSucceeded
                ? PlankDecision.Complete(ProwJobState.Success, ProwJobStateMachine.JobSucceeded)
                : PlankDecision.Complete(ProwJobState.Error, PodSucceededButContainersDidNotFinish),
            WorkloadPhase.Failed => PlankDecision.Complete(ProwJobState.Failure, ProwJobStateMachine.JobFailed),
            WorkloadPhase.Pending => DecideNotRunning(workload, now, timeouts),
            WorkloadPhase.Running => workload.Deleting ? PlankDecision.Wait() : DecideRunning(workload, now, timeouts),
            _ => PlankDecision.Wait(),
        };

        // A workload deleted behind plank's back ends the job, whatever phase it was in.
        if (decision.Action == PlankAction.Wait && workload.Deleting)
            return PlankDecision.Complete(ProwJobState.Error, PodDeletedUnexpectedly);
        return decision;
    }

    /// <summary>
    /// plank's getPodUnexpectedStopCause: "evicted", "unreachable" (node lost while deleting),
    /// "oomkilled" (while running) or "unknown" (phase unknown); null for a normal workload.
    /// </summary>
    public static string? UnexpectedStopCause(WorkloadObservation workload)
    {
        if (workload.Reason == "Evicted") return "evicted";
        if (workload.Reason == "NodeLost" && workload.Deleting) return "unreachable";
        if (workload.Phase == WorkloadPhase.Running && workload.OomKilled) return "oomkilled";
        if (workload.Phase == WorkloadPhase.Unknown) return "unknown";
        return null;
    }

    private static PlankDecision DecideUnexpectedStop(ProwJob job, string cause, PlankTimeouts timeouts)
    {
        if (cause == "oomkilled") return PlankDecision.Complete(ProwJobState.Error, JobPodOomKilled);
        if (cause == "evicted" && job.Spec.ErrorOnEviction) return PlankDecision.Complete(ProwJobState.Error, JobPodEvicted);
        if (job.Status.PodRevivalCount >= timeouts.MaxRevivals)
            return PlankDecision.Complete(ProwJobState.Error, MaxRevivalsReached(job.Status.PodRevivalCount, cause));
        return new PlankDecision(PlankAction.RecreateWorkload, DeleteWorkload: true, Description: cause);
    }

    private static PlankDecision DecideNotRunning(WorkloadObservation workload, DateTimeOffset now, PlankTimeouts timeouts)
    {
        if (workload.StartedAt is not { } started)
        {
            var waited = now - (workload.CreatedAt ?? now);
            return waited >= timeouts.PodUnscheduled
                ? PlankDecision.Complete(ProwJobState.Error, PodSchedulingTimeout, deleteWorkload: true)
                : PlankDecision.Wait(timeouts.PodUnscheduled - waited);
        }
        var pending = now - started;
        return pending >= timeouts.PodPending
            ? PlankDecision.Complete(ProwJobState.Error, PodPendingTimeout, deleteWorkload: true)
            : PlankDecision.Wait(timeouts.PodPending - pending);
    }

    private static PlankDecision DecideRunning(WorkloadObservation workload, DateTimeOffset now, PlankTimeouts timeouts)
    {
        if (workload.StartedAt is not { } started) return PlankDecision.Wait();
        var running = now - started;
        if (timeouts.DecorationTimeout is { } timeout && running >= timeout + timeouts.DecorationGracePeriod)
            return PlankDecision.Complete(ProwJobState.Failure, DecorationTimedOut(timeout), deleteWorkload: true);
        if (running >= timeouts.PodRunning)
            return PlankDecision.Complete(ProwJobState.Aborted, PodRunningTimeout, deleteWorkload: true);

        var next = timeouts.PodRunning - running;
        if (timeouts.DecorationTimeout is { } t && t + timeouts.DecorationGracePeriod - running < next)
            next = t + timeouts.DecorationGracePeriod - running;
        return PlankDecision.Wait(next);
    }
}
