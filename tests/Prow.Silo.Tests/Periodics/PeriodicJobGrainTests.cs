using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;
using Prow.Grains.Periodics;
using Prow.Silo.Tests.Jobs;
using Prow.TestSupport;
using static Prow.Silo.Tests.Periodics.PeriodicHost;

namespace Prow.Silo.Tests.Periodics;

/// <summary>One host running several periodics (distinct names per test).</summary>
public sealed class PeriodicJobFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    public FakeBuildCluster Cluster { get; } = new();
    public JobHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Runs of "every-2s" succeed as soon as they start; the others run until a test completes them.
        var running = Cluster.NewWorkload;
        Cluster.NewWorkload = job => job.Spec.Job == "every-2s"
            ? running(job) with { Phase = WorkloadPhase.Succeeded, AllContainersSucceeded = true }
            : running(job);
        Host = await StartAsync(_dir, Cluster, Config(
            Periodic("every-2s", "interval: 2s"),
            Periodic("hourly", "interval: 1h"),
            Periodic("after-done", "minimum_interval: 1s"),
            Periodic("yearly", "cron: \"0 0 1 1 *\""),
            Periodic("flaky", "interval: 1h\n  retry:\n    attempts: 1\n    interval: 1s")));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _dir.Dispose();
    }
}

public sealed class PeriodicJobGrainTests(PeriodicJobFixture fixture) : IClassFixture<PeriodicJobFixture>
{
    private JobHost Host => fixture.Host;
    private FakeBuildCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task An_interval_periodic_runs_at_start_and_again_an_interval_after_its_last_start()
    {
        var runs = await Host.WaitForRunsAsync(Cluster, "every-2s", 2);
        var (first, second) = (runs[0], runs[1]);
        Assert.True(second.Status.StartTime - first.Status.StartTime >= TimeSpan.FromSeconds(2) - TimeSpan.FromMilliseconds(1),
            $"second run {second.Status.StartTime:O}, first {first.Status.StartTime:O}");
        Assert.Equal(ProwJobType.Periodic, first.Spec.Type);
        Assert.Equal("periodic-jobs", first.Metadata.Namespace);
        Assert.Equal("every-2s", first.Metadata.Labels!["prow.k8s.io/job"]);
        Assert.True(first.Spec.Report);

        var status = await Host.Periodic("every-2s").GetStatus();
        Assert.Equal(PeriodicRules.JobName("every-2s", status.LastDue!.Value), status.LastProwJob);
        Assert.True(status.ReminderRegistered);
    }

    [Fact]
    public async Task Duplicate_and_concurrent_ticks_create_one_ProwJob_per_due_time()
    {
        var first = (await Host.WaitForRunsAsync(Cluster, "hourly", 1)).Single();
        var grain = Host.Periodic("hourly");

        // Running: ticks change nothing.
        await Task.WhenAll(grain.Tick(), grain.Tick(), grain.Ensure());
        Assert.Single(await Host.RunsAsync(Cluster, "hourly"));

        // Completed: the next due time is an hour after its start, so ticks still change nothing.
        await Host.Events.WorkloadChangedAsync(first.Name, Cluster.Workload(first.Name)! with { Phase = WorkloadPhase.Succeeded, AllContainersSucceeded = true });
        await Host.WaitForAsync(first.Name, j => j.Complete, "first run complete");
        var statuses = await Task.WhenAll(grain.Tick(), grain.Tick());
        Assert.All(statuses, s => Assert.Equal(first.Name, s.LastProwJob));
        Assert.All(statuses, s => Assert.Equal(first.Status.StartTime + TimeSpan.FromHours(1), s.NextDue));
        Assert.Single(await Host.RunsAsync(Cluster, "hourly"));
        Assert.Equal(PeriodicRules.JobName("hourly", statuses[0].LastDue!.Value), first.Name);
    }

    [Fact]
    public async Task A_minimum_interval_periodic_waits_for_its_last_run_to_complete()
    {
        var first = (await Host.WaitForRunsAsync(Cluster, "after-done", 1)).Single();
        var grain = Host.Periodic("after-done");

        var waiting = await grain.Tick();
        Assert.Null(waiting.NextDue);
        await grain.Tick();
        Assert.Single(await Host.RunsAsync(Cluster, "after-done"));

        await Host.Events.WorkloadChangedAsync(first.Name, Cluster.Workload(first.Name)! with { Phase = WorkloadPhase.Succeeded, AllContainersSucceeded = true });
        var done = await Host.WaitForAsync(first.Name, j => j.Complete, "first run complete");

        var runs = await Host.WaitForRunsAsync(Cluster, "after-done", 2);
        Assert.Equal(2, runs.Count);
        // Due a minimum interval after the completion (ProwJob times are whole seconds, the due time is exact).
        var status = await grain.GetStatus();
        Assert.Equal(done.Status.CompletionTime + TimeSpan.FromSeconds(1), status.LastDue);
        Assert.Equal(PeriodicRules.JobName("after-done", status.LastDue!.Value), runs[1].Name);
        Assert.True(runs[1].Status.StartTime >= status.LastDue.Value.AddTicks(-(status.LastDue.Value.Ticks % TimeSpan.TicksPerSecond)),
            $"second run {runs[1].Status.StartTime:O}, due {status.LastDue:O}");
    }

    [Fact]
    public async Task A_cron_periodic_first_seen_waits_for_the_next_tick_in_utc()
    {
        var status = await Host.WaitForStatusAsync("yearly", s => s.ReminderRegistered, "reminder registered");
        var since = status.ScheduleSince!.Value.ToUniversalTime();
        // A yearly tick (1 January, 00:00 UTC): the test cannot straddle it, as an hourly one could.
        var nextNewYear = new DateTimeOffset(since.Year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(nextNewYear, status.NextDue);
        Assert.Equal("cron: 0 0 1 1 *", status.Schedule);
        Assert.Null(status.LastProwJob);
        Assert.Empty(await Host.RunsAsync(Cluster, "yearly"));
    }

    [Fact]
    public async Task A_failed_run_is_retried_with_the_re_run_label_up_to_its_attempts()
    {
        var first = (await Host.WaitForRunsAsync(Cluster, "flaky", 1)).Single();
        await Host.Events.WorkloadChangedAsync(first.Name, Cluster.Workload(first.Name)! with { Phase = WorkloadPhase.Failed });
        await Host.WaitForAsync(first.Name, j => j.Status.State == ProwJobState.Failure, "first run failed");

        var retry = (await Host.WaitForRunsAsync(Cluster, "flaky", 2))[1];
        Assert.Equal("1", retry.Metadata.Labels![ProwJobLabels.ReRun]);
        Assert.False(first.Metadata.Labels!.ContainsKey(ProwJobLabels.ReRun));
        Assert.True(retry.Status.StartTime - first.Status.StartTime >= TimeSpan.FromSeconds(1));

        // The retry fails too: one attempt only, so the next run is the scheduled one, an hour after the retry started.
        await Host.Events.WorkloadChangedAsync(retry.Name, Cluster.Workload(retry.Name)! with { Phase = WorkloadPhase.Failed });
        await Host.WaitForAsync(retry.Name, j => j.Complete, "retry failed");
        var status = await Host.WaitForStatusAsync("flaky", s => s.LastCompleted is not null, "retry completion noted");
        Assert.Equal(retry.Status.StartTime + TimeSpan.FromHours(1), status.NextDue);
        await Host.Periodic("flaky").Tick();
        Assert.Equal(2, (await Host.RunsAsync(Cluster, "flaky")).Count);
    }
}
