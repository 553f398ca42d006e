using Prow.Abstractions.Jobs;

namespace Prow.Grains.Jobs;

/// <summary>
/// plank's canExecuteConcurrently: a triggered job starts only while (1) fewer than plank's
/// max_concurrency jobs are pending, (2) fewer than its max_concurrency runs of the same job, and
/// (3) fewer than its queue's job_queue_capacities entry in the same job_queue_name, are pending or
/// triggered earlier. Earlier-created triggered jobs go first, so jobs start in creation order.
/// </summary>
public static class ConcurrencyAdmission
{
    /// <param name="job">The triggered job asking to start.</param>
    /// <param name="active">Other triggered and pending jobs (the job itself is ignored if present).</param>
    /// <param name="jobQueueCapacities">plank.job_queue_capacities; negative is unlimited, 0 holds every job.</param>
    /// <param name="globalMaxConcurrency">plank.max_concurrency; 0 is unlimited.</param>
    public static AdmissionDecision Decide(
        ProwJob job, IReadOnlyCollection<ActiveJobSummary> active,
        IReadOnlyDictionary<string, int>? jobQueueCapacities, int globalMaxConcurrency = 0)
    {
        var others = active.Where(a => a.Name != job.Name).ToList();
        if (globalMaxConcurrency > 0)
        {
            var running = others.Count(a => a.State == ProwJobState.Pending);
            if (running >= globalMaxConcurrency)
                return AdmissionDecision.Hold($"Not starting another job, already {running} running.");
        }

        var created = ActiveJobSummary.CreationTime(job);
        var spec = job.Spec;
        if (spec.MaxConcurrency > 0)
        {
            var ahead = PendingOrOlder(others.Where(a => a.Job == spec.Job), created);
            if (ahead >= spec.MaxConcurrency)
            {
                return AdmissionDecision.Hold(
                    $"Not starting another instance of {spec.Job}, have {ahead} instances that are pending or older, {spec.MaxConcurrency} is the limit");
            }
        }

        if (spec.JobQueueName.Length == 0) return AdmissionDecision.Admit;
        if (jobQueueCapacities is null || !jobQueueCapacities.TryGetValue(spec.JobQueueName, out var capacity))
            return new AdmissionDecision(false, $"failed to match queue name '{spec.JobQueueName}' with Plank configuration", ConfigError: true);
        if (capacity < 0) return AdmissionDecision.Admit;
        if (capacity == 0) return AdmissionDecision.Hold($"job queue {spec.JobQueueName} has capacity 0");

        var inQueue = PendingOrOlder(others.Where(a => a.JobQueueName == spec.JobQueueName), created);
        return inQueue >= capacity
            ? AdmissionDecision.Hold(
                $"Not starting another instance of {spec.Job}, have {inQueue} instances in queue {spec.JobQueueName} that are pending or older, {capacity} is the limit")
            : AdmissionDecision.Admit;
    }

    /// <summary>plank's countPendingOrOlderTriggeredMatchingPJs.</summary>
    private static int PendingOrOlder(IEnumerable<ActiveJobSummary> matching, DateTimeOffset created) =>
        matching.Count(a => a.State == ProwJobState.Pending || (a.State == ProwJobState.Triggered && a.CreatedAt < created));
}
