using Prow.Abstractions.Jobs;

namespace Prow.Grains.Jobs;

/// <summary>
/// plank's concurrency bookkeeping (key: "default"): the triggered and pending jobs that are subject
/// to a limit (the job's max_concurrency, a job queue, or plank's max_concurrency). A job asks
/// before it starts its workload; an admitted job counts as pending at once, so two jobs asking at
/// the same time cannot both take the last slot. Completed jobs release their entry.
/// </summary>
[Alias("prow.IJobAdmissionGrain")]
public interface IJobAdmissionGrain : IGrainWithStringKey
{
    /// <summary>Registers <paramref name="job"/> (triggered) if new and decides whether it may start now.</summary>
    [Alias("Request")]
    Task<AdmissionDecision> Request(ProwJob job, Dictionary<string, int>? jobQueueCapacities, int globalMaxConcurrency);

    /// <summary>Records that the job is pending (its workload exists, e.g. adopted after a restart).</summary>
    [Alias("MarkPending")]
    Task MarkPending(ProwJob job);

    /// <summary>Forgets a completed or aborted job, freeing its slot. Unknown names are ignored.</summary>
    [Alias("Release")]
    Task Release(string prowJobName);

    [Alias("Active")]
    Task<IReadOnlyList<ActiveJobSummary>> Active();
}

public sealed class JobAdmissionGrain(
    [PersistentState("job-admission")] IPersistentState<JobAdmissionState> state) : Grain, IJobAdmissionGrain
{
    public const string Key = "default";

    public async Task<AdmissionDecision> Request(ProwJob job, Dictionary<string, int>? jobQueueCapacities, int globalMaxConcurrency)
    {
        var active = state.State.Active;
        var decision = ConcurrencyAdmission.Decide(job, active.Values, jobQueueCapacities, globalMaxConcurrency);
        var summary = ActiveJobSummary.From(job);
        var next = decision.Admitted ? With(summary, ProwJobState.Pending) : With(summary, ProwJobState.Triggered);
        if (!active.TryGetValue(job.Name, out var current) || current.State != next.State)
        {
            active[job.Name] = next;
            await state.WriteStateAsync();
        }
        return decision;
    }

    public async Task MarkPending(ProwJob job)
    {
        var active = state.State.Active;
        if (active.TryGetValue(job.Name, out var current) && current.State == ProwJobState.Pending) return;
        active[job.Name] = With(ActiveJobSummary.From(job), ProwJobState.Pending);
        await state.WriteStateAsync();
    }

    public async Task Release(string prowJobName)
    {
        if (state.State.Active.Remove(prowJobName)) await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<ActiveJobSummary>> Active() =>
        Task.FromResult<IReadOnlyList<ActiveJobSummary>>([.. state.State.Active.Values]);

    private static ActiveJobSummary With(ActiveJobSummary summary, ProwJobState s) => new()
    {
        Name = summary.Name,
        Job = summary.Job,
        JobQueueName = summary.JobQueueName,
        State = s,
        CreatedAt = summary.CreatedAt,
    };
}

[GenerateSerializer]
[Alias("prow.jobs.JobAdmissionState")]
public sealed class JobAdmissionState
{
    [Id(0)] public Dictionary<string, ActiveJobSummary> Active { get; set; } = [];
}
