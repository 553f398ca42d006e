using Prow.Abstractions.Jobs;
using Prow.Abstractions.Jobs.Grains;
using Prow.Grains.Ports;

namespace Prow.Grains.Jobs;

/// <summary>
/// <see cref="IProwJobCreator"/> on the grains: created through <see cref="IProwJobGrain.Create"/> (idempotent by
/// name), which records a presubmit for one pull request in its <see cref="IPullRequestJobsGrain"/> first. The grain factory is resolved on first use, so plugins can be built where no silo runs.
/// </summary>
public sealed class GrainProwJobCreator(Func<IGrainFactory> grains) : IProwJobCreator
{
    public static string PullRequestKey(string org, string repo, int number) => $"{org}/{repo}#{number}";

    public async Task<ProwJob> CreateAsync(ProwJob job, CancellationToken cancellationToken = default)
    {
        Webhooks.ProcessingEffects.Mark();
        return await grains().GetGrain<IProwJobGrain>(job.Metadata.Name).Create(job);
    }

    public async Task<int> AbortPresubmitsAsync(string org, string repo, int number, string? keepSha, string description, CancellationToken cancellationToken = default)
    {
        Webhooks.ProcessingEffects.Mark();
        var factory = grains();
        var names = await factory.GetGrain<IPullRequestJobsGrain>(PullRequestKey(org, repo, number)).TakeOthers(keepSha);
        var aborted = 0;
        foreach (var name in names)
            if ((await factory.GetGrain<IProwJobGrain>(name).Abort(description)).Aborted) aborted++;
        return aborted;
    }
}
