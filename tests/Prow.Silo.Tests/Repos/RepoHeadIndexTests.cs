using Prow.Abstractions;
using Prow.Abstractions.Repos;
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
}
