using Prow.Abstractions.Jobs.Grains;
using Prow.Silo.Tests.Jobs;
using Prow.TestSupport;
using static Prow.Silo.Tests.Periodics.PeriodicHost;

namespace Prow.Silo.Tests.Periodics;

/// <summary>Configuration reloads add, reschedule and remove periodics.</summary>
public sealed class PeriodicConfigTests
{
    [Fact]
    public async Task A_reload_adds_reschedules_and_removes_periodics()
    {
        using var dir = new TempDirectory();
        var cluster = new FakeBuildCluster();
        await using var host = await StartAsync(dir, cluster, Config(
            Periodic("keep", "interval: 1h"),
            Periodic("gone", "interval: 1h"),
            Periodic("changes", "cron: \"0 0 1 1 *\"")));

        await host.WaitForRunsAsync(cluster, "keep", 1);
        await host.WaitForRunsAsync(cluster, "gone", 1);
        var yearly = await host.WaitForStatusAsync("changes", s => s.ReminderRegistered, "scheduled");
        Assert.Equal("cron: 0 0 1 1 *", yearly.Schedule);
        Assert.Equal(1, yearly.NextDue!.Value.Month);
        Assert.Empty(await host.RunsAsync(cluster, "changes"));

        await host.ReloadAsync(dir, Config(
            Periodic("keep", "interval: 1h"),
            Periodic("changes", "cron: \"@every 1h\""),
            Periodic("added", "minimum_interval: 1h")));

        // Removed: retired, its reminder gone, and a late reminder tick does not bring it back.
        var gone = await host.WaitForStatusAsync("gone", s => s.Retired && !s.ReminderRegistered, "retired");
        Assert.Null(gone.NextDue);
        var late = await host.Periodic("gone").Tick();
        Assert.True(late.Retired && !late.ReminderRegistered);
        Assert.Single(await host.RunsAsync(cluster, "gone"));

        // Rescheduled: "@every" runs at once when (re)added, as in horologium.
        await host.WaitForRunsAsync(cluster, "changes", 1);
        var changed = await host.Periodic("changes").GetStatus();
        Assert.Equal("cron: @every 1h", changed.Schedule);
        Assert.True(changed.ScheduleSince > yearly.ScheduleSince);

        // Added: never run, so it runs at once.
        await host.WaitForRunsAsync(cluster, "added", 1);
        Assert.True((await host.Periodic("added").GetStatus()).ReminderRegistered);

        // Unchanged: still its one run.
        Assert.Single(await host.RunsAsync(cluster, "keep"));
        var scheduler = await host.Grains.GetGrain<IPeriodicSchedulerGrain>(IPeriodicSchedulerGrain.Key).Sync();
        Assert.Equal(new PeriodicSyncResult(3, 0, 0, scheduler.ConfigGeneration), scheduler);
    }
}
