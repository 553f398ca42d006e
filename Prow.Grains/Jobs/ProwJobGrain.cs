using Orleans.Concurrency;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prow.Abstractions.Config;
using Prow.Abstractions.Jobs;
using Prow.Abstractions.Jobs.Grains;
using Prow.Grains.Ports;

namespace Prow.Grains.Jobs;

/// <summary>
/// The workload side of a ProwJob grain: build clusters report changes here (through the silo's
/// <see cref="IWorkloadEvents"/>). Interleaves with a running reconcile, so a cluster that reports
/// from inside a create call cannot deadlock the grain; the change is acted on by the next pass.
/// </summary>
[Alias("prow.IProwJobWorkloadGrain")]
public interface IProwJobWorkloadGrain : IGrainWithStringKey
{
    [AlwaysInterleave]
    [Alias("OnWorkloadChanged")]
    Task OnWorkloadChanged(WorkloadObservation? observation);
}

/// <summary>
/// One ProwJob, driven as Prow's plank drives it (<see cref="PlankRules"/>): admission under the
/// concurrency limits, a build ID, the workload on its build cluster, the timeouts, abort and
/// completion. Every change is persisted before the grain acts on it or answers, then published to
/// the listing index. A reminder keeps the job moving across restarts until it is complete and every
/// follow-up (index, admission slot, workload clean-up) is done; timers only shorten the waits.
/// </summary>
public sealed partial class ProwJobGrain(
    [PersistentState(ProwJobGrain.StateName)] IPersistentState<ProwJobGrainState> state,
    IBuildClusters clusters,
    IConfigSource config,
    IEnumerable<IJobReporter> reporters,
    IOptions<ProwJobOptions> options,
    TimeProvider time,
    ILogger<ProwJobGrain> logger) : Grain, IProwJobGrain, IProwJobWorkloadGrain, IRemindable
{
    /// <summary>The name of the job's persistent state (the listing index reads it from storage).</summary>
    public const string StateName = "prowjob";

    private const string ReconcileReminder = "plank";
    private const int MaxPassesPerReconcile = 4;

    private ProwJobOptions Options => options.Value;
    private ProwJobGrainState S => state.State;

    /// <summary>The latest observation (from an event or a look); null until the first one since activation.</summary>
    private WorkloadObservation? _observation;
    private bool _observed;

    /// <summary>The cluster reported the workload gone; the next pass checks whether it really is.</summary>
    private bool _reportedGone;

    /// <summary>This grain deleted the workload (revival); its disappearance is expected until the next start.</summary>
    private bool _deletedByUs;
    private IGrainTimer? _timer;
    private DateTimeOffset? _timerDue;
    private TimeSpan _retryDelay;

    private readonly IJobReporter[] _reporters = [.. reporters];

    /// <summary>Whether this activation knows the reconcile reminder exists (registered, or seen ticking).</summary>
    private bool _reminderRegistered;

    /// <summary>Reports under way, by reporter: the state being reported and the report (null when done, else its failure).</summary>
    private readonly Dictionary<string, (ProwJobState State, Task<Exception?> Task)> _reportsInFlight = new(StringComparer.Ordinal);

    /// <summary>Per reporter, after a failed report: the next attempt's delay and its earliest time (passes in between skip it).</summary>
    private readonly Dictionary<string, (TimeSpan Delay, DateTimeOffset NotBefore)> _reportBackoff = new(StringComparer.Ordinal);

    public async Task<ProwJob> Create(ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var key = this.GetPrimaryKeyString();
        if (job.Name != key)
            throw new ArgumentException($"metadata.name {job.Name} does not match the grain key {key}", nameof(job));
        if (S.Job is { } existing)
        {
            // A retried create whose first attempt saved the job but failed to register its reminder registers it now.
            if (!_reminderRegistered && !S.ReminderStopped)
            {
                await this.RegisterOrUpdateReminder(ReconcileReminder, Options.ReconcilePeriod, Options.ReconcilePeriod);
                _reminderRegistered = true;
            }
            return existing;
        }

        // Every presubmit of one pull request is known to its PR's job list before it exists, whoever creates it
        // (trigger, Deck's rerun, mkpj), so a new push aborts it as Prow does.
        if (job.Spec.Type == ProwJobType.Presubmit && job.Spec.Refs is { Pulls: [var pull] } refs)
            await GrainFactory.GetGrain<IPullRequestJobsGrain>(GrainProwJobCreator.PullRequestKey(refs.Org, refs.Repo, pull.Number)).Record(pull.Sha, job.Name);

        var stored = ProwJobJson.Clone(job);
        var now = time.GetUtcNow();
        stored.Metadata.CreationTimestamp ??= now;
        stored.Status.StartTime ??= now;
        // plank has no scheduler here: a job that asks for scheduling is triggered on the default assignment.
        if (stored.Status.State is null or ProwJobState.Scheduling) stored.Status.State = ProwJobState.Triggered;
        S.Job = stored;
        S.Version = 1;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not persisted: forget it, so the caller's retry writes it instead of finding it here and answering
            // "created" for a job that a restart would lose.
            S.Job = null;
            S.Version = 0;
            throw;
        }
        await this.RegisterOrUpdateReminder(ReconcileReminder, Options.ReconcilePeriod, Options.ReconcilePeriod);
        _reminderRegistered = true;
        await PublishAsync();
        Schedule(TimeSpan.Zero);
        return stored;
    }

    public Task<ProwJob?> Get() => Task.FromResult(S.Job);

    public async Task<AbortResult> Abort(string description)
    {
        if (S.Job is not { } job) return AbortResult.NotFound;
        if (job.Status.State is not (ProwJobState.Triggered or ProwJobState.Pending or ProwJobState.Scheduling))
            return new AbortResult(false, $"Cannot abort job with state: \"{ProwJobStateMachine.Name(job.Status.State)}\".", job);
        if (!await ApplyAsync(ProwJobStateMachine.Transition(job.Status, ProwJobState.Aborted, time.GetUtcNow(), description)))
            return new AbortResult(false, "the job changed while aborting; try again", S.Job);
        Schedule(TimeSpan.Zero);
        return new AbortResult(true, "", S.Job);
    }

    public async Task<byte[]?> GetLog(int maxBytes)
    {
        if (S.Job is not { } job || clusters.Find(job.Spec.Agent, job.ClusterAlias) is not { } cluster) return null;
        await using var stream = await cluster.OpenLogAsync(job);
        if (stream is null) return null;
        if (stream.CanSeek && stream.Length > maxBytes) stream.Seek(-maxBytes, SeekOrigin.End);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        if (buffer.Length <= maxBytes) return buffer.ToArray();
        return buffer.GetBuffer().AsSpan((int)(buffer.Length - maxBytes), maxBytes).ToArray();
    }

    public Task OnWorkloadChanged(WorkloadObservation? observation)
    {
        if (S.Job is null) return Task.CompletedTask;
        if (observation is null)
        {
            // A delete event may be stale (the workload was recreated since): look again before acting on it.
            _reportedGone = true;
            _observed = false;
        }
        else
        {
            _observation = observation;
            _observed = true;
            _reportedGone = false;
        }
        Schedule(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReconcileReminder) return;
        _reminderRegistered = true;
        // The reminder is the healing path: look at the workload again instead of trusting events.
        _observed = false;
        await ReconcileAsync();
    }

    /// <summary>Runs a reconcile pass after <paramref name="due"/>, unless one is already due sooner.</summary>
    private void Schedule(TimeSpan due)
    {
        var at = time.GetUtcNow() + due;
        if (_timer is not null && _timerDue <= at) return;
        _timer?.Dispose();
        _timerDue = at;
        _timer = this.RegisterGrainTimer(static (grain, _) => grain.OnTimerAsync(), this,
            new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private async Task OnTimerAsync()
    {
        _timer?.Dispose();
        _timer = null;
        _timerDue = null;
        await ReconcileAsync();
    }

    private async Task ReconcileAsync()
    {
        try
        {
            for (var pass = 0; pass < MaxPassesPerReconcile; pass++)
            {
                if (!await PassAsync()) break;
            }
            _retryDelay = TimeSpan.Zero;
        }
        catch (Exception e) when (e is BuildClusterException { Permanent: false } or TimeoutException or HttpRequestException or OrleansException or IOException)
        {
            _retryDelay = _retryDelay == TimeSpan.Zero ? Options.RetryBaseDelay : TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks * 2, Options.ReconcilePeriod.Ticks));
            LogRetry(e, S.Job?.Name ?? "", _retryDelay);
            Schedule(_retryDelay);
        }
    }

    /// <summary>One rule pass; true when it changed something and another pass may have more to do.</summary>
    private async Task<bool> PassAsync()
    {
        if (S.Job is not { } job) return false;
        await CatchUpAsync();
        if (job.Complete)
        {
            await StopReminderWhenDoneAsync();
            return false;
        }

        if (clusters.Find(job.Spec.Agent, job.ClusterAlias) is not { } cluster)
        {
            var description = $"No build cluster for agent \"{job.Spec.Agent}\" and cluster \"{job.ClusterAlias}\" (this deployment runs: {string.Join(", ", clusters.Describe())}).";
            var to = job.Status.State == ProwJobState.Aborted ? ProwJobState.Aborted : ProwJobState.Error;
            return await CompleteAsync(to, to == ProwJobState.Aborted ? job.Status.Description : description, cluster: null, deleteWorkload: false);
        }

        if (!_observed)
        {
            _observation = await cluster.ObserveAsync(job);
            _observed = true;
        }
        if (_reportedGone)
        {
            _reportedGone = false;
            // Deleted behind the job's back (not by a revival): the job errors, as plank does when it sees the deletion.
            if (_observation is null && job.Status.State == ProwJobState.Pending && !_deletedByUs)
                return await CompleteAsync(ProwJobState.Error, PlankRules.PodDeletedUnexpectedly, cluster, deleteWorkload: false);
        }

        var snapshot = config.Current.Config;
        var now = time.GetUtcNow();
        AdmissionDecision? admission = null;
        if (job.Status.State == ProwJobState.Triggered && _observation is null && NeedsAdmission(job, snapshot))
        {
            admission = await Admission.Request(job, snapshot.Plank.JobQueueCapacities, snapshot.Plank.MaxConcurrency);
            S.AdmissionHeld = true;
        }

        var timeouts = PlankTimeouts.FromConfig(snapshot.Plank).ForJob(job.Spec, enforceDecorationTimeout: job.Spec.Agent == ProwJobAgents.Local);
        var decision = PlankRules.Decide(job, _observation, now, timeouts, admission);
        switch (decision.Action)
        {
            case PlankAction.Wait:
                if (decision.RecheckAfter is { } after) Schedule(after);
                return false;

            case PlankAction.StartWorkload:
                await StartAsync(job, cluster);
                return true;

            case PlankAction.MarkPending:
                if (S.AdmissionHeld) await Admission.MarkPending(job);
                return await ApplyAsync(ProwJobStateMachine.Transition(job.Status, ProwJobState.Pending, now, decision.Description));

            case PlankAction.Complete:
                return await CompleteAsync(decision.State!.Value, decision.Description, cluster, decision.DeleteWorkload);

            case PlankAction.RecreateWorkload:
                LogRevival(job.Name, decision.Description, job.Status.PodRevivalCount + 1);
                _deletedByUs = true;
                await cluster.DeleteAsync(job);
                var revived = job.Status.Clone();
                revived.PodRevivalCount++;
                await SaveStatusAsync(revived);
                _observation = null;
                return true;

            case PlankAction.CompleteAborted:
                await cluster.DeleteAsync(job);
                _observation = null;
                return await ApplyAsync(ProwJobStateMachine.CompleteAborted(job.Status, now));

            default:
                return false;
        }
    }

    private async Task StartAsync(ProwJob job, IBuildCluster cluster)
    {
        if (job.Status.BuildId.Length == 0)
        {
            // The build ID is persisted before the workload exists, so a retried start uses the same one.
            var withId = job.Status.Clone();
            withId.BuildId = await GrainFactory.GetGrain<IJobBuildsGrain>(job.Spec.Job).Assign(job.Name);
            withId.PodName = job.Name;
            withId.Url = JobUrl(job, withId);
            await SaveStatusAsync(withId);
            job = S.Job!;
        }

        try
        {
            _observation = await cluster.StartAsync(job);
            _observed = true;
            _deletedByUs = false;
        }
        catch (Exception e) when (e is BuildClusterException { Permanent: true } or ArgumentException)
        {
            // ArgumentException: the workload cannot be built from this job (e.g. a presubmit without a pull).
            await CompleteAsync(ProwJobState.Error, PlankRules.PodCanNotBeCreated(e.Message), cluster, deleteWorkload: false);
            return;
        }

        if (job.Status.State == ProwJobState.Triggered)
        {
            if (S.AdmissionHeld) await Admission.MarkPending(job);
            await ApplyAsync(ProwJobStateMachine.Transition(job.Status, ProwJobState.Pending, time.GetUtcNow()));
        }
    }

    /// <summary>Completes the job; the workload is deleted afterwards (and retried until gone) when asked.</summary>
    private async Task<bool> CompleteAsync(ProwJobState to, string description, IBuildCluster? cluster, bool deleteWorkload)
    {
        var job = S.Job!;
        var transition = to == ProwJobState.Aborted && job.Status.State == ProwJobState.Aborted
            ? ProwJobStateMachine.CompleteAborted(job.Status, time.GetUtcNow(), description)
            : ProwJobStateMachine.Transition(job.Status, to, time.GetUtcNow(), description, completeAborted: true);
        if (!transition.Applied)
        {
            LogRejected(job.Name, transition.Reason);
            return false;
        }
        S.WorkloadCleanupPending = deleteWorkload && cluster is not null;
        await ApplyAsync(transition);
        await CatchUpAsync();
        return false;
    }

    /// <summary>Applies an accepted transition: persist, then publish. False when it was not applied.</summary>
    private async Task<bool> ApplyAsync(ProwJobTransition transition)
    {
        if (!transition.Applied)
        {
            if (transition.Outcome == TransitionOutcome.Rejected) LogRejected(S.Job!.Name, transition.Reason);
            return false;
        }
        await SaveStatusAsync(transition.Status);
        return true;
    }

    private async Task SaveStatusAsync(ProwJobStatus status)
    {
        var previous = S.Job!.Status;
        S.Job.Status = status;
        S.Version++;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not persisted, so not acted on: the retried pass decides again from what storage holds.
            S.Job.Status = previous;
            S.Version--;
            throw;
        }
        await PublishAsync();
    }

    /// <summary>The follow-ups a persisted change needs: the index, crier's reports, the admission slot, the workload's removal.</summary>
    private async Task CatchUpAsync()
    {
        if (S.IndexedVersion < S.Version) await PublishAsync();
        await ReportAsync();
        var job = S.Job!;
        if (!job.Complete) return;
        if (S.WorkloadCleanupPending)
        {
            if (clusters.Find(job.Spec.Agent, job.ClusterAlias) is { } cluster) await cluster.DeleteAsync(job);
            S.WorkloadCleanupPending = false;
            await state.WriteStateAsync();
        }
        if (S.AdmissionHeld)
        {
            await Admission.Release(job.Name);
            S.AdmissionHeld = false;
            await state.WriteStateAsync();
        }
    }

    private async Task PublishAsync()
    {
        var version = S.Version;
        await GrainFactory.GetGrain<IProwJobIndexGrain>(ProwJobIndexKeys.Bucket(S.Job!)).Upsert(S.Job!, version);
        if (S.IndexedVersion < version)
        {
            S.IndexedVersion = version;
            // Not written on its own: the next write carries it, and a lost one only repeats an idempotent upsert.
        }
    }

    /// <summary>
    /// Crier: the job's current state to every reporter that should report it and has not yet (its name in
    /// <c>status.prev_report_states</c>, set and persisted after the report, so a restart does not report it
    /// again). Reports run in the background: a pass starts the due ones and records those that finished (a
    /// finished report schedules a pass), so a slow or failing reporter holds up neither the job, nor calls to
    /// the grain, nor the other reporters; each failed one is retried alone with its own doubling delays. The
    /// reminder stays until every report is done.
    /// </summary>
    private async Task ReportAsync()
    {
        var job = S.Job!;
        if (job.Status.State is null) return;
        var snapshot = config.Current.Config;
        var now = time.GetUtcNow();
        ProwJob? copy = null;
        foreach (var reporter in _reporters)
        {
            if (_reportsInFlight.ContainsKey(reporter.Name) || !ReportPending(reporter, job, snapshot)) continue;
            if (_reportBackoff.TryGetValue(reporter.Name, out var backoff) && now < backoff.NotBefore) continue;
            // Reporters get their own copy: the grain replaces the status while they run.
            copy ??= ProwJobJson.Clone(job);
            _reportsInFlight[reporter.Name] = (copy.Status.State!.Value, RunReportAsync(reporter, copy, snapshot));
        }
        await RecordFinishedReportsAsync();
    }

    /// <summary>Records the reports that finished: done ones in <c>prev_report_states</c> (one write), failed ones get a retry.</summary>
    private async Task RecordFinishedReportsAsync()
    {
        List<(string Name, ProwJobState State)>? done = null;
        foreach (var (name, (reported, task)) in _reportsInFlight.Where(p => p.Value.Task.IsCompleted).ToList())
        {
            _reportsInFlight.Remove(name);
            if (await task is { } e)
            {
                var previous = _reportBackoff.TryGetValue(name, out var backoff) ? backoff.Delay : TimeSpan.Zero;
                var delay = previous == TimeSpan.Zero ? Options.RetryBaseDelay : TimeSpan.FromTicks(Math.Min(previous.Ticks * 2, Options.ReconcilePeriod.Ticks));
                var wait = e is JobReportException { RetryAfter: { } after } && after > delay ? after : delay;
                _reportBackoff[name] = (delay, time.GetUtcNow() + wait);
                LogReportRetry(e, S.Job!.Name, ProwJobStateMachine.Name(reported), name, wait);
                Schedule(wait);
                continue;
            }
            _reportBackoff.Remove(name);
            (done ??= []).Add((name, reported));
        }
        if (done is null) return;
        var status = S.Job!.Status.Clone();
        status.PrevReportStates ??= [];
        foreach (var (name, reported) in done) status.PrevReportStates[name] = reported;
        await SaveStatusAsync(status);
    }

    /// <summary>One reporter's report, in the background: null when done, else the failure to retry. Its end schedules a pass to record it.</summary>
    private async Task<Exception?> RunReportAsync(IJobReporter reporter, ProwJob job, ProwConfig snapshot)
    {
        try
        {
            using var timeout = new CancellationTokenSource(Options.ReportTimeout, time);
            await reporter.ReportAsync(job, snapshot, timeout.Token);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Any failure is retried: GitHubException, HttpRequestException, timeouts, OrleansException (the PR's comment
            // grain), JobReportException; a reporter gives up for good by returning, never by throwing.
            return e;
        }
        finally
        {
            Schedule(TimeSpan.Zero);
        }
    }

    private static bool ReportPending(IJobReporter reporter, ProwJob job, ProwConfig snapshot) =>
        job.Status.State is { } current
        && !(job.Status.PrevReportStates?.TryGetValue(reporter.Name, out var previous) == true && previous == current)
        && reporter.ShouldReport(job, snapshot);

    private async Task StopReminderWhenDoneAsync()
    {
        if (S.WorkloadCleanupPending || S.AdmissionHeld || S.IndexedVersion < S.Version || AnyReportPending(S.Job!)) return;
        if (!S.ReminderStopped)
        {
            if (await this.GetReminder(ReconcileReminder) is { } reminder) await this.UnregisterReminder(reminder);
            S.ReminderStopped = true;
            await state.WriteStateAsync();
        }
        _timer?.Dispose();
        _timer = null;
    }

    private bool AnyReportPending(ProwJob job)
    {
        var snapshot = config.Current.Config;
        return _reportsInFlight.Count > 0 || _reporters.Any(r => ReportPending(r, job, snapshot));
    }

    /// <summary>plank's job URL for the job with <paramref name="status"/> (it needs the build ID); "" when it cannot be built, as Prow logs and goes on.</summary>
    private string JobUrl(ProwJob job, ProwJobStatus status)
    {
        var withStatus = new ProwJob { ApiVersion = job.ApiVersion, Kind = job.Kind, Metadata = job.Metadata, Spec = job.Spec, Status = status };
        try
        {
            return JobUrls.For(withStatus, config.Current.Config.Plank, Options.DeckUrl);
        }
        catch (Exception e) when (e is Abstractions.Templates.GoTemplateException or ArgumentException)
        {
            LogJobUrlFailed(job.Name, e.Message);
            return "";
        }
    }

    private IJobAdmissionGrain Admission => GrainFactory.GetGrain<IJobAdmissionGrain>(JobAdmissionGrain.Key);

    private static bool NeedsAdmission(ProwJob job, ProwConfig config) =>
        job.Spec.MaxConcurrency > 0 || job.Spec.JobQueueName.Length > 0 || config.Plank.MaxConcurrency > 0;

    [LoggerMessage(Level = LogLevel.Warning, Message = "ProwJob {Name}: reconcile failed, retrying in {Delay}")]
    private partial void LogRetry(Exception e, string name, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ProwJob {Name}: reporting state {State} with {Reporter} failed, retrying in {Delay}")]
    private partial void LogReportRetry(Exception e, string name, string state, string reporter, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "ProwJob {Name}: recreating its workload after an unexpected stop ({Cause}), revival {Count}")]
    private partial void LogRevival(string name, string cause, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "ProwJob {Name}: cannot build its URL: {Problem}")]
    private partial void LogJobUrlFailed(string name, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ProwJob {Name}: transition rejected: {Reason}")]
    private partial void LogRejected(string name, string reason);
}

[GenerateSerializer]
[Alias("prow.jobs.ProwJobGrainState")]
public sealed class ProwJobGrainState
{
    [Id(0)] public ProwJob? Job { get; set; }

    /// <summary>Incremented with every persisted change of the job.</summary>
    [Id(1)] public long Version { get; set; }

    /// <summary>The version the listing index has confirmed.</summary>
    [Id(2)] public long IndexedVersion { get; set; }

    /// <summary>The job is complete but its workload still has to be deleted.</summary>
    [Id(3)] public bool WorkloadCleanupPending { get; set; }

    /// <summary>The job holds an entry in the admission grain that completion must release.</summary>
    [Id(4)] public bool AdmissionHeld { get; set; }

    [Id(5)] public bool ReminderStopped { get; set; }
}

/// <summary>How ProwJob grains pace themselves (configure with <c>services.Configure&lt;ProwJobOptions&gt;</c>).</summary>
public sealed class ProwJobOptions
{
    /// <summary>
    /// Period of the reminder that re-observes every unfinished job (heals missed events, enforces
    /// timeouts after a restart). Orleans' minimum is 1 minute unless lowered (tests lower it).
    /// </summary>
    public TimeSpan ReconcilePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>First delay after a failed cluster call; doubles up to <see cref="ReconcilePeriod"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long one reporter's report of one state may take before it counts as failed (and is retried).
    /// The reporters themselves are the registered <see cref="Ports.IJobReporter"/>s (the host registers
    /// crier's github-reporter only with GitHub credentials, Slack only with Slack credentials, ...).
    /// </summary>
    public TimeSpan ReportTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Our Deck's external address (<c>--deck-url</c>): a job that gets no URL from plank's
    /// job_url_prefix_config or job_url_template links to its log there. Null: such jobs have no URL, as in Prow.
    /// </summary>
    public Uri? DeckUrl { get; set; }
}
