using System.ComponentModel;
using System.Text;
using Prow.Grains.Jobs;

namespace Prow.Silo.Adapters.Local;

/// <summary>
/// One run this host started: check out the refs, start every container's process, wait for them,
/// record the result. State changes are written to <c>run.json</c> and reported through
/// <c>changed</c>; a deleted run (or one stopped by the host shutting down) is not reported here.
/// </summary>
internal sealed class LocalRun
{
    private readonly LocalRunPlan _plan;
    private readonly LocalAgentOptions _options;
    private readonly TimeProvider _time;
    private readonly Func<WorkloadObservation?, Task> _changed;
    private readonly Action<LocalRun> _ended;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly RunLog _log;
    private LocalRunRecord _record;
    private Task _execution = Task.CompletedTask;
    private volatile bool _deleting;

    private LocalRun(LocalRunPlan plan, LocalAgentOptions options, TimeProvider time, Func<WorkloadObservation?, Task> changed, Action<LocalRun> ended)
    {
        _plan = plan;
        _options = options;
        _time = time;
        _changed = changed;
        _ended = ended;
        Directory.CreateDirectory(plan.Directory);
        _log = new RunLog(plan.LogPath);
        _record = new LocalRunRecord { Name = plan.Name, BuildId = plan.BuildId, Phase = WorkloadPhase.Pending, CreatedAt = time.GetUtcNow() };
    }

    public string Name => _plan.Name;

    /// <summary>
    /// Creates the run's folder and log; <see cref="Begin"/> starts it. <paramref name="ended"/> is
    /// called when the run is over (its final record written, unless the disk failed).
    /// </summary>
    public static LocalRun Create(LocalRunPlan plan, LocalAgentOptions options, TimeProvider time, Func<WorkloadObservation?, Task> changed, Action<LocalRun> ended) =>
        new(plan, options, time, changed, ended);

    /// <summary>Writes the record (Pending) and runs in the background. Call once the run can be found, so no observer takes it for an orphan.</summary>
    public void Begin()
    {
        _record.WriteTo(_plan.Directory);
        _execution = Task.Run(ExecuteAsync);
    }

    /// <summary>Releases a run whose <see cref="Begin"/> failed.</summary>
    public void Abandon() => _log.Dispose();

    public WorkloadObservation? Observe()
    {
        lock (_gate) return _record.ToObservation(owned: true);
    }

    /// <summary>Kills the processes (git or the job's), waits for the run to end and marks it deleted. Files stay.</summary>
    public async Task DeleteAsync()
    {
        _deleting = true;
        await _stop.CancelAsync();
        await _execution;
        Update(r => r.DeletedAt is null ? r with { DeletedAt = _time.GetUtcNow() } : r);
    }

    /// <summary>The host is stopping: kill the processes, leave the run recorded as in progress (a later host reports it interrupted).</summary>
    public async Task StopForShutdownAsync()
    {
        await _stop.CancelAsync();
        await _execution;
    }

    private async Task ExecuteAsync()
    {
        var cancellationToken = _stop.Token;
        var processes = new List<(LocalRunPlan.Step Step, ChildProcess Process)>();
        try
        {
            foreach (var note in _plan.Notes) _log.Note(note);
            var clone = new CloneRefs(_options, RunCommandAsync, _log, _time);
            foreach (var checkout in _plan.Checkouts)
            {
                if (await clone.CheckoutAsync(checkout, _plan.Directory, cancellationToken) is { } failure)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await FinishAsync(WorkloadPhase.Failed, "CheckoutFailed", $"checkout of {checkout.Refs.OrgRepo} failed: {failure}");
                    return;
                }
            }

            Directory.CreateDirectory(_plan.ArtifactsDirectory);
            var sink = _plan.Containers.Count == 1 ? (Func<LocalRunPlan.Step, Action<string>>)(_ => _log.WriteLine) : step => line => _log.WriteLine($"[{step.Container}] {line}");
            foreach (var step in _plan.Containers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    processes.Add((step, ChildProcess.Start(step.FileName, step.Arguments, step.WorkingDirectory, step.Environment, sink(step))));
                }
                catch (Exception e) when (e is Win32Exception or IOException or UnauthorizedAccessException or InvalidOperationException)
                {
                    foreach (var (_, started) in processes) started.KillTree();
                    await FinishAsync(WorkloadPhase.Failed, "StartFailed", $"container {step.Container}: cannot start {step.FileName} in {step.WorkingDirectory}: {e.Message}");
                    return;
                }
            }

            Update(r => r with
            {
                Phase = WorkloadPhase.Running,
                RunningAt = _time.GetUtcNow(),
                Processes = processes.Select(p => new LocalRunRecord.ProcessEntry(p.Step.Container, p.Process.Id, p.Process.StartedAt)).ToList(),
            });
            if (!_deleting) await _changed(Observe());

            var codes = await Task.WhenAll(processes.Select(p => p.Process.WaitAsync(_options.OutputDrainTimeout, _time, cancellationToken)));
            cancellationToken.ThrowIfCancellationRequested();

            var exitCodes = processes.Select((p, i) => (p.Step.Container, Code: codes[i])).ToList();
            var failed = exitCodes.Where(c => c.Code != 0).ToList();
            var message = failed.Count == 0 ? null : string.Join("; ", failed.Select(c => $"container {c.Container} exited with code {c.Code}"));
            await FinishAsync(failed.Count == 0 ? WorkloadPhase.Succeeded : WorkloadPhase.Failed, null, message, exitCodes.ToDictionary(c => c.Container, c => c.Code));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Stopped();
        }
        catch (Exception e)
        {
            await FinishAsync(WorkloadPhase.Failed, "AgentError", $"the local agent failed: {e.Message}");
        }
        finally
        {
            foreach (var (_, process) in processes) process.Dispose();
            _log.Dispose();
            // The in-memory record is final by now, so whether an observer finds the run here or on disk it reads the same.
            _ended(this);
        }
    }

    private async Task FinishAsync(WorkloadPhase phase, string? reason, string? message, Dictionary<string, int>? exitCodes = null)
    {
        if (message is not null) _log.Note(message);
        Update(r => r with { Phase = phase, FinishedAt = _time.GetUtcNow(), Reason = reason, Message = message, ExitCodes = exitCodes });
        if (!_deleting) await _changed(Observe());
    }

    private void Stopped()
    {
        if (_deleting)
        {
            _log.Note("deleted: the run's processes were killed");
            Update(r => r with { Phase = r.Finished ? r.Phase : WorkloadPhase.Failed, FinishedAt = r.FinishedAt ?? _time.GetUtcNow(), Reason = r.Reason ?? "Deleted", Message = r.Message ?? "deleted while running" });
        }
        else
        {
            _log.Note("the host is shutting down: the run's processes were killed; it stays recorded as interrupted");
        }
    }

    private void Update(Func<LocalRunRecord, LocalRunRecord> change)
    {
        lock (_gate)
        {
            _record = change(_record);
            _record.WriteTo(_plan.Directory);
        }
    }

    private async Task<(int ExitCode, string Output)> RunCommandAsync(
        string fileName, IReadOnlyList<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string?> environment, bool quiet, CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        Action<string> sink = quiet ? line => { lock (output) output.AppendLine(line); } : _log.WriteLine;
        ChildProcess process;
        try
        {
            process = ChildProcess.Start(fileName, arguments, workingDirectory, environment, sink);
        }
        catch (Exception e) when (e is Win32Exception or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            _log.Note($"cannot run {fileName}: {e.Message}");
            return (127, "");
        }
        using (process)
        {
            var code = await process.WaitAsync(_options.OutputDrainTimeout, _time, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            lock (output) return (code, output.ToString());
        }
    }
}
