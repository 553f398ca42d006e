using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;
using Prow.Silo.Storage.Sqlite;
using Prow.Silo.Tests.Storage;
using Prow.TestSupport;

namespace Prow.Silo.Tests.Jobs;

/// <summary>
/// ProwJob grains when storage fails a write: the caller sees the failure, nothing unsaved is shown or acted on, and a
/// retry persists what the failed attempt could not (a created job, its reminder, a status change).
/// </summary>
public sealed class ProwJobCreateFailureTests
{
    [Fact]
    public async Task A_create_whose_write_failed_is_persisted_by_the_retry()
    {
        using var dir = new TempDirectory();
        var cluster = new FakeBuildCluster();
        var job = JobHostFixture.NewJob("write-fails-once");

        await using (var host = await JobHost.StartAsync(dir, cluster, configureSilo: silo => FailingGrainStorage.Install(silo,
            FailingGrainStorage.Once((state, grain) => state == ProwJobGrain.StateName && grain.Key.ToString() == job.Name))))
        {
            await Assert.ThrowsAsync<OrleansException>(() => host.Job(job.Name).Create(job)); // the storage bridge wraps the SqliteException
            Assert.Null(await host.Job(job.Name).Get());
            await host.Job(job.Name).Create(job);
            await host.WaitForAsync(job.Name, j => j.Status.State == ProwJobState.Pending, "pending");
        }

        // What the retry answered must be what storage holds.
        await using var restarted = await JobHost.StartAsync(dir, cluster);
        Assert.NotNull(await restarted.Job(job.Name).Get());
    }

    [Fact]
    public async Task A_status_change_whose_write_failed_is_not_shown_or_acted_on()
    {
        using var dir = new TempDirectory();
        var cluster = new FakeBuildCluster();
        var job = JobHostFixture.NewJob("abort-write-fails");
        var failing = false;

        await using (var host = await JobHost.StartAsync(dir, cluster, configureSilo: silo => FailingGrainStorage.Install(silo,
            (state, grain) => failing && state == ProwJobGrain.StateName && grain.Key.ToString() == job.Name)))
        {
            await host.Job(job.Name).Create(job);
            await host.WaitForAsync(job.Name, j => j.Status.State == ProwJobState.Pending, "pending");

            failing = true;
            await Assert.ThrowsAsync<OrleansException>(() => host.Job(job.Name).Abort("stop"));
            // Storage still says pending, so the grain must too: an aborted job that a restart would bring back pending is a lie.
            var shown = await host.Job(job.Name).Get();
            Assert.Equal(ProwJobState.Pending, shown!.Status.State);
            Assert.Null(shown.Status.CompletionTime);

            failing = false;
            var retried = await host.Job(job.Name).Abort("stop");
            Assert.True(retried.Aborted, retried.Reason);
        }

        await using var restarted = await JobHost.StartAsync(dir, cluster);
        Assert.Equal(ProwJobState.Aborted, (await restarted.Job(job.Name).Get())!.Status.State);
    }

    /// <summary>The host's reminder table, refusing the first registration of a reminder of the named grain.</summary>
    private sealed class FailFirstReminder(IReminderTable inner, string key) : IReminderTable
    {
        private int _failed;

        public Task<ReminderTableData> ReadRows(GrainId grainId) => inner.ReadRows(grainId);
        public Task<ReminderTableData> ReadRows(uint begin, uint end) => inner.ReadRows(begin, end);
        public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => inner.ReadRow(grainId, reminderName);

        public Task<string?> UpsertRow(ReminderEntry entry) =>
            entry.GrainId.Key.ToString() == key && Interlocked.Exchange(ref _failed, 1) == 0
                ? Task.FromException<string?>(new SqliteException("database is locked", 5))
                : inner.UpsertRow(entry);

        public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => inner.RemoveRow(grainId, reminderName, eTag);
        public Task TestOnlyClearTable() => inner.TestOnlyClearTable();
        public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);
        public Task StopAsync(CancellationToken cancellationToken = default) => inner.StopAsync(cancellationToken);
    }

    [Fact]
    public async Task A_create_whose_reminder_failed_registers_it_on_the_retry()
    {
        using var dir = new TempDirectory();
        var cluster = new FakeBuildCluster();
        var job = JobHostFixture.NewJob("reminder-fails-once");

        await using var host = await JobHost.StartAsync(dir, cluster, configureSilo: silo => silo.Services.AddSingleton<IReminderTable>(sp =>
            new FailFirstReminder(ActivatorUtilities.CreateInstance<SqliteReminderTable>(sp), job.Name)));
        await Assert.ThrowsAnyAsync<Exception>(() => host.Job(job.Name).Create(job));
        var table = host.App.Services.GetRequiredService<IReminderTable>();
        var grain = host.Job(job.Name).GetGrainId();
        Assert.Null(await table.ReadRow(grain, "plank")); // saved, but nothing would bring it back after a restart

        await host.Job(job.Name).Create(job);

        Assert.NotNull(await table.ReadRow(grain, "plank"));
    }
}
