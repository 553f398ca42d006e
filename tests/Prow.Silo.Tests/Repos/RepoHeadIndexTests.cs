using Prow.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;
using Prow.Abstractions.Repos;
using Prow.Grains.Repos;
using Prow.Silo.Tests.Storage;
using Prow.Silo.Tests.Jobs;
using Prow.TestSupport;

namespace Prow.Silo.Tests.Repos;

/// <summary>
/// The repository grain's SHA index under a burst: every pull request of a repository reports its head at once
/// (the calls interleave and share writes); each call returns only once its change is durable.
/// </summary>
public sealed class RepoHeadIndexTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Sha(int number) => $"{number:x4}".PadLeft(40, 'a');

    [Fact]
    public async Task A_burst_of_heads_is_indexed_and_survives_a_restart()
    {
        const int count = 300;
        var key = new RepoKey("burst-org", "burst-repo");
        await using (var host = await JobHost.StartAsync(_dir, new FakeBuildCluster()))
        {
            var repo = host.Grains.GetRepoGrain(key);
            await Task.WhenAll(Enumerable.Range(1, count).Select(n => repo.IndexHead(n, null, Sha(n))));
            // Moves and closes interleaved with further opens.
            await Task.WhenAll(
                repo.IndexHead(1, Sha(1), Sha(2)),
                repo.IndexHead(3, Sha(3), null),
                repo.IndexHead(count + 1, null, Sha(count + 1)));
            Assert.Equal([2, 1], (await repo.PullRequestsWithHead(Sha(2))).Order().Reverse());
        }

        // Only what was persisted comes back: every call had returned, so every change must be there.
        await using var restarted = await JobHost.StartAsync(_dir, new FakeBuildCluster());
        var reloaded = restarted.Grains.GetRepoGrain(key);
        Assert.Empty(await reloaded.PullRequestsWithHead(Sha(1)));
        Assert.Equal([1, 2], (await reloaded.PullRequestsWithHead(Sha(2))).Order());
        Assert.Empty(await reloaded.PullRequestsWithHead(Sha(3)));
        foreach (var n in Enumerable.Range(4, count - 2))
            Assert.Equal([n], await reloaded.PullRequestsWithHead(Sha(n)));
    }

    [Fact]
    public async Task An_index_kept_beside_the_inbox_by_an_earlier_version_moves_to_its_own_state()
    {
        var key = new RepoKey("old-org", "old-repo");
        await using (var host = await JobHost.StartAsync(_dir, new FakeBuildCluster()))
        {
            // What an earlier version stored: the index inside the inbox's state.
            var storage = host.App.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
            var grain = host.Grains.GetRepoGrain(key).GetGrainId();
            var old = new RepoGrainState { Heads = { [Sha(7)] = [7, 8], [Sha(9)] = [9] } };
            await storage.WriteStateAsync("repo", grain, new GrainState<RepoGrainState>(old));

            Assert.Equal([7, 8], (await host.Grains.GetRepoGrain(key).PullRequestsWithHead(Sha(7))).Order());
        }

        await using var restarted = await JobHost.StartAsync(_dir, new FakeBuildCluster());
        var storageAfter = restarted.App.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        var id = restarted.Grains.GetRepoGrain(key).GetGrainId();
        var inbox = new GrainState<RepoGrainState>();
        await storageAfter.ReadStateAsync("repo", id, inbox);
        Assert.Empty(inbox.State!.Heads);
        var heads = new GrainState<RepoHeadsState>();
        await storageAfter.ReadStateAsync("repo-heads", id, heads);
        Assert.Equal([9], heads.State!.Heads[Sha(9)]);
        Assert.Equal([9], await restarted.Grains.GetRepoGrain(key).PullRequestsWithHead(Sha(9)));
    }

    [Fact]
    public async Task A_head_whose_write_failed_is_saved_by_the_retry()
    {
        var key = new RepoKey("retry-org", "retry-repo");
        await using (var host = await JobHost.StartAsync(_dir, new FakeBuildCluster(), configureSilo: silo =>
            FailingGrainStorage.Install(silo, FailingGrainStorage.Once((state, _) => state == "repo-heads"))))
        {
            var repo = host.Grains.GetRepoGrain(key);
            await Assert.ThrowsAnyAsync<Exception>(() => repo.IndexHead(5, null, Sha(5)));
            // The caller retries (a pull request's inbox does): the change is in memory already and must still be saved.
            await repo.IndexHead(5, null, Sha(5));
        }

        await using var restarted = await JobHost.StartAsync(_dir, new FakeBuildCluster());
        Assert.Equal([5], await restarted.Grains.GetRepoGrain(key).PullRequestsWithHead(Sha(5)));
    }
}
