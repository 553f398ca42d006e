using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prow.Abstractions.Config;
using Prow.Abstractions.Config.Jobs;
using Prow.Abstractions.Jobs;
using Prow.Abstractions.Jobs.Grains;

namespace Prow.Grains.Periodics;

/// <summary>
/// One periodic of the configuration, run as horologium runs it (<see cref="PeriodicRules"/>), on a
/// reminder whose first tick is the next due time and whose period is the time to it, clamped to
/// [<see cref="PeriodicOptions.MinimumPeriod"/>, <see cref="PeriodicOptions.MaximumPeriod"/>].
/// <para>
/// Exactly one ProwJob per due time, whatever the reminder does (late, twice, across restarts):
/// the due time comes only from persisted state and the configuration, and the ProwJob's name is
/// derived from it (<see cref="PeriodicRules.JobName"/>). The run (due time and name) is persisted
/// <em>before</em> the ProwJob is created, and a run is only created from a fresh due time once the
/// previous run is recorded as created. So a crash before that write leaves no trace and no job; a
/// crash after it leaves a run marked not created, which the next tick creates again under the same
/// name, and <see cref="IProwJobGrain.Create"/> is idempotent by name; two ticks never interleave
/// (the grain is not reentrant), and a second activation racing on the same state loses its write
/// (storage ETag) before it can create anything.
/// </para>
/// </summary>
public sealed partial class PeriodicJobGrain(
    [PersistentState(PeriodicJobGrain.StateName)] IPersistentState<PeriodicJobState> state,
    IConfigSource config,
    IOptions<PeriodicOptions> options,
    TimeProvider time,
    ILogger<PeriodicJobGrain> logger) : Grain, IPeriodicJobGrain, IRemindable
{
    public const string StateName = "periodic";
    public const string ReminderName = "horologium";

    private PeriodicJobState S => state.State;
    private PeriodicOptions Options => options.Value;
    private string Name => this.GetPrimaryKeyString();
    private IGrainTimer? _timer;

    public Task<PeriodicJobStatus> Ensure() => TickAsync();

    public Task<PeriodicJobStatus> Tick() => TickAsync();

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName) await TickAsync();
    }

    public async Task Retire()
    {
        await RetireAsync();
    }

    public async Task<PeriodicJobStatus> GetStatus()
    {
        var periodic = Find(config.Current.Config);
        var next = periodic is null || S.Retired || S.ScheduleSince is not { } since ? null : PeriodicRules.Next(periodic, since, S.Last, time.GetUtcNow())?.At;
        return new PeriodicJobStatus
        {
            Name = Name,
            Schedule = S.Schedule,
            ScheduleSince = S.ScheduleSince,
            LastDue = S.Last?.Due,
            LastProwJob = S.Last?.ProwJob,
            LastStarted = S.Last?.StartedAt,
            LastCompleted = S.Last?.CompletedAt,
            NextDue = next,
            Retired = S.Retired,
            ReminderRegistered = await this.GetReminder(ReminderName) is not null,
        };
    }

    private async Task<PeriodicJobStatus> TickAsync()
    {
        var snapshot = config.Current.Config;
        if (Find(snapshot) is not { } periodic)
        {
            await RetireAsync();
            return await GetStatus();
        }

        var now = time.GetUtcNow();
        var schedule = PeriodicRules.ScheduleOf(periodic);
        if (S.Schedule != schedule || S.ScheduleSince is null || S.Retired)
        {
            if (S.Schedule.Length > 0 && S.Schedule != schedule) LogRescheduled(Name, S.Schedule, schedule);
            S.Schedule = schedule;
            S.ScheduleSince = now;
            S.Retired = false;
            await state.WriteStateAsync();
        }

        try
        {
            await CatchUpAsync(periodic, snapshot);
            if (PeriodicRules.Next(periodic, S.ScheduleSince!.Value, S.Last, now) is { } due && due.At <= now)
            {
                // Persisted first: from here on, this due time has exactly one job name, and the next tick
                // finishes the creation if this one does not.
                S.Last = new PeriodicRun { Due = due.At, ProwJob = PeriodicRules.JobName(Name, due.At), Attempt = due.Attempt };
                await state.WriteStateAsync();
                await CreateAsync(periodic, snapshot);
            }
        }
        catch (Exception e)
        {
            // Look again soon (an unfinished creation is retried under the same name), not a whole period later.
            LogTickFailed(e, Name);
            try
            {
                await WakeAtAsync(null, waiting: true);
            }
            catch (Exception wake) when (wake is not OutOfMemoryException)
            {
                LogTickFailed(wake, Name);
            }
            throw;
        }

        var next = PeriodicRules.Next(periodic, S.ScheduleSince!.Value, S.Last, time.GetUtcNow());
        await WakeAtAsync(next?.At, waiting: S.Last is { Complete: false });
        return await GetStatus();
    }

    /// <summary>Finishes the last run's creation if a crash interrupted it, and notes its completion.</summary>
    private async Task CatchUpAsync(Periodic periodic, ProwConfig snapshot)
    {
        if (S.Last is not { } last) return;
        if (!last.Created)
        {
            await CreateAsync(periodic, snapshot);
            return;
        }
        if (last.Complete) return;
        var job = await GrainFactory.GetGrain<IProwJobGrain>(last.ProwJob).Get();
        if (job is null)
        {
            // Deleted (as sinker does with old jobs): nothing is running any more.
            last.CompletedAt = last.StartedAt ?? last.Due;
            await state.WriteStateAsync();
        }
        else if (job.Complete)
        {
            last.CompletedAt = job.Status.CompletionTime;
            last.State = job.Status.State;
            await state.WriteStateAsync();
        }
    }

    /// <summary>Creates the ProwJob of the persisted last run (again, after a crash: same name, so the same job).</summary>
    private async Task CreateAsync(Periodic periodic, ProwConfig snapshot)
    {
        var run = S.Last!;
        var labels = new Dictionary<string, string>(periodic.Labels ?? [], StringComparer.Ordinal);
        if (run.Attempt > 0) labels[ProwJobLabels.ReRun] = run.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var job = new ProwJobFactory(time, () => Guid.Parse(run.ProwJob)).NewProwJob(
            ProwJobFactory.PeriodicSpec(periodic), labels, periodic.Annotations, snapshot.Scheduler.Enabled);
        job.Metadata.Namespace = snapshot.ProwJobNamespace;
        var stored = await GrainFactory.GetGrain<IProwJobGrain>(run.ProwJob).Create(job);
        run.Created = true;
        run.StartedAt = stored.Status.StartTime ?? stored.Metadata.CreationTimestamp ?? time.GetUtcNow();
        run.CompletedAt = stored.Status.CompletionTime;
        run.State = stored.Complete ? stored.Status.State : null;
        await state.WriteStateAsync();
        LogTriggered(Name, run.ProwJob, run.Due, run.Attempt);
    }

    /// <summary>
    /// Registers the reminder for the next due time (or, while the last run runs, for a look every
    /// minimum period), unless it is registered for it already: at most a couple of reminder writes per run.
    /// </summary>
    private async Task WakeAtAsync(DateTimeOffset? due, bool waiting)
    {
        var now = time.GetUtcNow();
        string key;
        TimeSpan first, period;
        if (waiting)
        {
            key = "running";
            first = period = Options.MinimumPeriod;
        }
        else if (due is not { } at)
        {
            key = "idle";
            first = period = Options.MaximumPeriod;
        }
        else
        {
            var wait = at > now ? at - now : TimeSpan.Zero;
            // A due time beyond the maximum period is approached in maximum periods, then registered exactly.
            key = wait > Options.MaximumPeriod ? $"towards:{at.UtcTicks}" : $"at:{at.UtcTicks}";
            first = wait > Options.MaximumPeriod ? Options.MaximumPeriod : wait;
            period = Clamp(wait);
        }

        if (S.ReminderKey != key)
        {
            await this.RegisterOrUpdateReminder(ReminderName, first, period);
            S.ReminderKey = key;
            await state.WriteStateAsync();
        }

        // A reminder may tick a little early; a timer makes sure a due time that is close is not missed by a whole period.
        _timer?.Dispose();
        _timer = null;
        if (!waiting && due is { } soon && soon > now && soon - now < Options.MinimumPeriod)
        {
            _timer = this.RegisterGrainTimer(static (grain, _) => grain.TickAsync(), this,
                new GrainTimerCreationOptions(soon - now, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
    }

    private async Task RetireAsync()
    {
        _timer?.Dispose();
        _timer = null;
        if (await this.GetReminder(ReminderName) is { } reminder) await this.UnregisterReminder(reminder);
        if (!S.Retired || S.ReminderKey.Length > 0)
        {
            S.Retired = true;
            S.ReminderKey = "";
            await state.WriteStateAsync();
            LogRetired(Name);
        }
        DeactivateOnIdle();
    }

    private TimeSpan Clamp(TimeSpan period) =>
        period < Options.MinimumPeriod ? Options.MinimumPeriod : period > Options.MaximumPeriod ? Options.MaximumPeriod : period;

    private Periodic? Find(ProwConfig snapshot) => snapshot.Periodics.FirstOrDefault(p => p.Name == Name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Periodic {Name}: triggered ProwJob {ProwJob} for {Due:O} (retry {Attempt})")]
    private partial void LogTriggered(string name, string prowJob, DateTimeOffset due, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Periodic {Name}: tick failed; looking again in the minimum period")]
    private partial void LogTickFailed(Exception e, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Periodic {Name}: schedule changed from \"{From}\" to \"{To}\"")]
    private partial void LogRescheduled(string name, string from, string to);

    [LoggerMessage(Level = LogLevel.Information, Message = "Periodic {Name}: removed from the configuration, reminder unregistered")]
    private partial void LogRetired(string name);
}

[GenerateSerializer]
[Alias("prow.periodics.PeriodicJobState")]
public sealed class PeriodicJobState
{
    /// <summary><see cref="PeriodicRules.ScheduleOf"/> of the schedule in force.</summary>
    [Id(0)] public string Schedule { get; set; } = "";

    /// <summary>When this grain first saw <see cref="Schedule"/>.</summary>
    [Id(1)] public DateTimeOffset? ScheduleSince { get; set; }

    [Id(2)] public PeriodicRun? Last { get; set; }

    /// <summary>Removed from the configuration; the reminder is unregistered.</summary>
    [Id(3)] public bool Retired { get; set; }

    /// <summary>What the reminder is registered for ("at:ticks", "towards:ticks", "running", "idle"); empty when none.</summary>
    [Id(4)] public string ReminderKey { get; set; } = "";
}
