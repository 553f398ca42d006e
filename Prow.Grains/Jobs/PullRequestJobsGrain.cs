using Prow.Abstractions.Jobs.Grains;

namespace Prow.Grains.Jobs;

/// <summary>
/// The presubmits created per pull request and head SHA (see <see cref="IPullRequestJobsGrain"/>). Persisted
/// before <see cref="Record"/> returns, so a job is never created without being findable for an abort.
/// Complete jobs stay listed until taken; aborting a complete job does nothing.
/// </summary>
public sealed class PullRequestJobsGrain(
    [PersistentState("pull-request-jobs")] IPersistentState<PullRequestJobsState> state) : Grain, IPullRequestJobsGrain
{
    /// <summary>More than this many recorded jobs drops the oldest (a PR pushed to hundreds of times).</summary>
    public const int Remembered = 2000;

    public async Task Record(string sha, string jobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobName);
        var jobs = state.State.Jobs;
        if (jobs.Exists(j => j.Name == jobName)) return;
        jobs.Add(new PullRequestJob { Sha = sha, Name = jobName });
        if (jobs.Count > Remembered) jobs.RemoveRange(0, jobs.Count - Remembered);
        await state.WriteStateAsync();
    }

    public async Task<IReadOnlyList<string>> TakeOthers(string? keepSha)
    {
        var jobs = state.State.Jobs;
        var taken = jobs.Where(j => keepSha is null || !string.Equals(j.Sha, keepSha, StringComparison.OrdinalIgnoreCase)).Select(j => j.Name).ToList();
        if (taken.Count == 0) return taken;
        jobs.RemoveAll(j => keepSha is null || !string.Equals(j.Sha, keepSha, StringComparison.OrdinalIgnoreCase));
        await state.WriteStateAsync();
        return taken;
    }
}

[GenerateSerializer]
[Alias("prow.jobs.PullRequestJobsState")]
public sealed class PullRequestJobsState
{
    [Id(0)] public List<PullRequestJob> Jobs { get; set; } = [];
}

[GenerateSerializer]
[Alias("prow.jobs.PullRequestJob")]
public sealed class PullRequestJob
{
    [Id(0)] public string Sha { get; set; } = "";
    [Id(1)] public string Name { get; set; } = "";
}
