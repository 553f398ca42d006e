using Prow.Abstractions.Jobs;
using Prow.Grains.Ports;

namespace Prow.Grains.Tests.Plugins.Trigger;

/// <summary>
/// An in-memory <see cref="IProwJobCreator"/>: jobs by name (a second create of a name returns the first job,
/// as the grain does), and aborts applied to the unfinished presubmits of a pull request.
/// </summary>
internal sealed class RecordingProwJobCreator : IProwJobCreator
{
    private readonly List<ProwJob> _jobs = [];

    public IReadOnlyList<ProwJob> Jobs => _jobs;
    public int CreateCalls { get; private set; }
    public List<string> Aborted { get; } = [];

    public IReadOnlyList<string> JobNames => [.. _jobs.Select(j => j.Spec.Job)];

    public Task<ProwJob> CreateAsync(ProwJob job, CancellationToken cancellationToken = default)
    {
        CreateCalls++;
        var existing = _jobs.Find(j => j.Metadata.Name == job.Metadata.Name);
        if (existing is not null) return Task.FromResult(existing);
        _jobs.Add(job);
        return Task.FromResult(job);
    }

    public Task<int> AbortPresubmitsAsync(string org, string repo, int number, string? keepSha, string description, CancellationToken cancellationToken = default)
    {
        var count = 0;
        foreach (var job in _jobs)
        {
            if (job.Spec.Type != ProwJobType.Presubmit || job.Spec.Refs is not { Pulls: [var pull] } refs) continue;
            if (refs.Org != org || refs.Repo != repo || pull.Number != number || pull.Sha == keepSha) continue;
            if (job.Status.State is not (ProwJobState.Triggered or ProwJobState.Pending)) continue;
            job.Status.State = ProwJobState.Aborted;
            job.Status.Description = description;
            Aborted.Add(job.Spec.Job);
            count++;
        }
        return Task.FromResult(count);
    }
}
