using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;
using Prow.TestSupport;

namespace Prow.Silo.Tests.Jobs;

/// <summary>A silo restart while a job is pending: the reminder picks the job up again and completes it once.</summary>
public sealed class ProwJobRestartTests
{
    [Fact]
    public async Task A_job_pending_across_a_restart_completes_once_from_the_persisted_state()
    {
        using var dir = new TempDirectory();
        var cluster = new FakeBuildCluster();
        var job = JobHostFixture.NewJob("survives-restart");

        ProwJob pending;
        await using (var first = await JobHost.StartAsync(dir, cluster))
        {
            await first.Job(job.Name).Create(job);
            pending = await first.WaitForAsync(job.Name, j => j.Status.State == ProwJobState.Pending, "pending");
        }

        // The workload finishes while no silo is running: nobody is told, the next silo has to look.
        cluster.Set(job.Name, cluster.Workload(job.Name)! with { Phase = WorkloadPhase.Failed });

        await using var second = await JobHost.StartAsync(dir, cluster);
        // Nothing calls the grain: only its reminder can bring it back.
        await Eventually.Until(async () => (await second.Grains.GetGrain<Prow.Abstractions.Jobs.Grains.IProwJobIndexDirectoryGrain>(
            Prow.Abstractions.Jobs.Grains.ProwJobIndexKeys.Directory).Buckets()).Count > 0 ? true : (bool?)null, TimeSpan.FromSeconds(10), "the index directory");
        var listed = await Eventually.Until(async () =>
        {
            var items = await Prow.Gateway.Endpoints.ProwJobEndpoints.ListJobsAsync(second.Grains, new());
            var mine = items.Select(i => ProwJobJson.Deserialize(System.Text.Encoding.UTF8.GetString(i.Json))).SingleOrDefault(j => j.Name == job.Name);
            return mine is { Complete: true } ? mine : null;
        }, TimeSpan.FromSeconds(20), "the job completed after the restart");

        Assert.True(listed.Status.State == ProwJobState.Failure, $"{listed.Status.State}: {listed.Status.Description}");
        Assert.Equal(pending.Status.BuildId, listed.Status.BuildId);
        Assert.Single(cluster.Starts, job.Name);
        var stored = await second.Job(job.Name).Get();
        Assert.Equal(pending.Status.PendingTime, stored!.Status.PendingTime);
        Assert.Equal(ProwJobState.Failure, stored.Status.State);
    }
}
