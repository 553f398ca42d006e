using Prow.Abstractions.PullRequests;
using Prow.Abstractions.Repos;

namespace Prow.Abstractions;

/// <summary>Typed-key access to the grains: <c>grains.GetPullRequestGrain(key)</c>.</summary>
public static class GrainFactoryExtensions
{
    public static IPullRequestGrain GetPullRequestGrain(this IGrainFactory grains, PullRequestKey key) =>
        grains.GetGrain<IPullRequestGrain>(key.ToString());

    public static IRepoGrain GetRepoGrain(this IGrainFactory grains, RepoKey key) =>
        grains.GetGrain<IRepoGrain>(key.ToString());
}
