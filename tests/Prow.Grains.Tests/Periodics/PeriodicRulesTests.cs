using Prow.Abstractions.Config.Jobs;
using Prow.Abstractions.Jobs;
using Prow.Grains.Periodics;

namespace Prow.Grains.Tests.Periodics;

public sealed class PeriodicRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static Periodic Cron(string cron) => new() { Name = "p", Cron = cron };
    private static Periodic Interval(string interval) => new() { Name = "p", Interval = interval };
    private static Periodic MinimumInterval(string interval) => new() { Name = "p", MinimumInterval = interval };

    private static PeriodicRun Run(DateTimeOffset due, DateTimeOffset? started = null, DateTimeOffset? completed = null) =>
        new() { Due = due, ProwJob = "x", Created = true, StartedAt = started ?? due, CompletedAt = completed };

    private static DateTimeOffset At(int hour, int minute, int second = 0) => new(2026, 11, 27, hour, minute, second, TimeSpan.Zero);

    [Fact]
    public void Cron_first_seen_waits_for_the_next_tick()
    {
        Assert.Equal(At(13, 0), PeriodicRules.NextDue(Cron("0 * * * *"), At(12, 10), last: null));
        Assert.Equal(At(12, 15), PeriodicRules.NextDue(Cron("*/15 * * * *"), At(12, 10), last: null));
        // Exactly on a tick: the next one (horologium cannot have seen the tick it was added at).
        Assert.Equal(At(13, 0), PeriodicRules.NextDue(Cron("@hourly"), At(12, 0), last: null));
    }

    [Fact]
    public void Cron_runs_at_the_first_tick_after_the_last_due_time_and_completion()
    {
        var cron = Cron("0 * * * *");
        Assert.Equal(At(13, 0), PeriodicRules.NextDue(cron, T0.AddDays(-1), Run(At(12, 0), completed: At(12, 20))));
        // A tick passed while the last run was running: skipped, as horologium drops it.
        Assert.Equal(At(14, 0), PeriodicRules.NextDue(cron, T0.AddDays(-1), Run(At(12, 0), completed: At(13, 5))));
        // Running: no due time.
        Assert.Null(PeriodicRules.NextDue(cron, T0.AddDays(-1), Run(At(12, 0))));
    }

    [Fact]
    public void Cron_ticks_missed_while_down_give_one_run_named_after_the_first_missed_tick()
    {
        var cron = Cron("0 * * * *");
        var last = Run(At(1, 0), completed: At(1, 10));
        // The silo was down from 01:30 to 12:30: one run is due (at 02:00, in the past → at once) ...
        Assert.Equal(At(2, 0), PeriodicRules.NextDue(cron, T0.AddDays(-1), last));
        // ... and after it completes, the next is the first tick after its completion, not 03:00.
        Assert.Equal(At(13, 0), PeriodicRules.NextDue(cron, T0.AddDays(-1), Run(At(2, 0), started: At(12, 30), completed: At(12, 40))));
    }

    [Fact]
    public void Cron_is_read_in_utc_unless_a_zone_is_given_and_a_changed_schedule_counts_from_the_change()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero), PeriodicRules.NextDue(Cron("@daily"), At(12, 0), null));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 5, 0, 0, TimeSpan.Zero), PeriodicRules.NextDue(Cron("TZ=America/New_York 0 0 * * *"), At(12, 0), null));
        // Changed to hourly at 12:10 after a run at 00:00: the next tick after the change, not 01:00.
        Assert.Equal(At(13, 0), PeriodicRules.NextDue(Cron("0 * * * *"), At(12, 10), Run(At(0, 0), completed: At(0, 5))));
    }

    [Fact]
    public void Every_runs_at_once_when_new_then_on_its_grid()
    {
        var every = Cron("@every 10m");
        Assert.Equal(At(12, 3), PeriodicRules.NextDue(every, At(12, 3), null));
        Assert.Equal(At(12, 13), PeriodicRules.NextDue(every, At(12, 3), Run(At(12, 3), completed: At(12, 4))));
        // Grid points passed while running are skipped.
        Assert.Equal(At(12, 33), PeriodicRules.NextDue(every, At(12, 3), Run(At(12, 3), completed: At(12, 25))));
        // Schedule changed after the last run: at once, as horologium re-adds the entry.
        Assert.Equal(At(12, 30), PeriodicRules.NextDue(Cron("@every 1h"), At(12, 30), Run(At(12, 3), completed: At(12, 4))));
    }

    [Fact]
    public void Interval_runs_at_once_when_new_then_an_interval_after_the_last_start_once_it_completed()
    {
        var interval = Interval("2h");
        Assert.Equal(At(12, 0), PeriodicRules.NextDue(interval, At(12, 0), null));
        Assert.Equal(At(14, 1), PeriodicRules.NextDue(interval, At(9, 0), Run(At(12, 0), started: At(12, 1), completed: At(12, 30))));
        Assert.Null(PeriodicRules.NextDue(interval, At(9, 0), Run(At(12, 0))));
        // Completed after the interval: due at once (the due time is in the past).
        Assert.Equal(At(14, 0), PeriodicRules.NextDue(interval, At(9, 0), Run(At(12, 0), completed: At(15, 0))));
    }

    [Fact]
    public void Minimum_interval_counts_from_the_last_completion()
    {
        var minimum = MinimumInterval("30m");
        Assert.Equal(At(12, 0), PeriodicRules.NextDue(minimum, At(12, 0), null));
        Assert.Equal(At(13, 50), PeriodicRules.NextDue(minimum, At(9, 0), Run(At(12, 0), completed: At(13, 20))));
        Assert.Null(PeriodicRules.NextDue(minimum, At(9, 0), Run(At(12, 0))));
    }

    private static Periodic WithRetry(Periodic periodic, int attempts, string interval = "10m", bool runAll = false)
    {
        periodic.Retry = new Retry { Attempts = attempts, Interval = interval, RunAll = runAll };
        return periodic;
    }

    private static PeriodicRun Finished(ProwJobState state, int attempt = 0) =>
        new() { Due = At(12, 0), ProwJob = "x", Created = true, StartedAt = At(12, 0), CompletedAt = At(12, 5), State = state, Attempt = attempt };

    [Fact]
    public void A_failed_run_is_retried_a_retry_interval_after_its_start_up_to_the_attempts()
    {
        var daily = WithRetry(Cron("@daily"), attempts: 2);
        Assert.Equal(new PeriodicDue(At(12, 10), 1), PeriodicRules.Next(daily, T0.AddDays(-1), Finished(ProwJobState.Failure), At(12, 6)));
        Assert.Equal(new PeriodicDue(At(12, 10), 2), PeriodicRules.Next(daily, T0.AddDays(-1), Finished(ProwJobState.Error, attempt: 1), At(12, 6)));
        // Attempts used up, success, or no retry configured: the next scheduled run.
        var midnight = new PeriodicDue(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero), 0);
        Assert.Equal(midnight, PeriodicRules.Next(daily, T0.AddDays(-1), Finished(ProwJobState.Failure, attempt: 2), At(12, 6)));
        Assert.Equal(midnight, PeriodicRules.Next(daily, T0.AddDays(-1), Finished(ProwJobState.Success), At(12, 6)));
        Assert.Equal(midnight, PeriodicRules.Next(Cron("@daily"), T0.AddDays(-1), Finished(ProwJobState.Failure), At(12, 6)));
        // Still running: no retry (without run_all).
        Assert.Null(PeriodicRules.Next(daily, T0.AddDays(-1), Run(At(12, 0)), At(12, 30)));
        // horologium caps attempts at 10.
        Assert.Null(PeriodicRules.RetryDue(WithRetry(Cron("@daily"), attempts: 50), Finished(ProwJobState.Failure, attempt: 10)));
    }

    [Fact]
    public void Run_all_retries_whatever_the_state_and_a_scheduled_run_due_at_the_same_time_wins()
    {
        var all = WithRetry(Interval("10m"), attempts: 3, interval: "10m", runAll: true);
        Assert.Equal(new PeriodicDue(At(12, 10), 1), PeriodicRules.RetryDue(all, Finished(ProwJobState.Success)));
        Assert.Equal(new PeriodicDue(At(12, 10), 1), PeriodicRules.RetryDue(all, Run(At(12, 0))));
        // Both due at 12:10: the scheduled run, without the re-run label.
        Assert.Equal(new PeriodicDue(At(12, 10), 0), PeriodicRules.Next(all, T0, Finished(ProwJobState.Success), At(12, 11)));
    }

    [Fact]
    public void Invalid_schedules_are_never_due()
    {
        Assert.Null(PeriodicRules.NextDue(Cron("not a cron"), T0, null));
        Assert.Null(PeriodicRules.NextDue(Interval("soon"), T0, null));
    }

    [Fact]
    public void Job_names_are_uuids_fixed_by_periodic_and_due_time()
    {
        var name = PeriodicRules.JobName("nightly", T0);
        Assert.True(Guid.TryParseExact(name, "D", out var guid));
        Assert.Equal(5, guid.Version);
        Assert.Equal(name, PeriodicRules.JobName("nightly", T0.ToOffset(TimeSpan.FromHours(2))));
        Assert.NotEqual(name, PeriodicRules.JobName("nightly", T0.AddTicks(1)));
        Assert.NotEqual(name, PeriodicRules.JobName("nightly2", T0));
        // RFC 4122 version 5 (checked against Python's uuid.uuid5), and pinned: a changed derivation
        // would run a due time a second time after an upgrade.
        Assert.Equal("9e259e19-f528-5acb-992e-b51132eddf2a", name);
    }
}
