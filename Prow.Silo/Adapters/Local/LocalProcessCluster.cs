using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;
using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.Local;

/// <summary>
/// The <c>local</c> agent's build cluster (<c>default</c>): each ProwJob runs as processes on this
/// machine, as the host's user, in <c>&lt;data-dir&gt;/jobs/&lt;job name&gt;/</c> — refs checked out as
/// clonerefs does, the pod spec's containers run as plain processes with Prow's environment, output
/// in <c>build-log.txt</c>, the result in <c>run.json</c>. It runs whatever the job config says:
/// for trusted setups only (docs/local-agent.md).
/// </summary>
public sealed class LocalProcessCluster : IBuildCluster, IAsyncDisposable, IDisposable
{
    public const string Agent = ProwJobAgents.Local;
    public const string Cluster = ProwJobAgents.DefaultCluster;
    public const string LogFileName = "build-log.txt";

    private readonly LocalAgentOptions _options;
    private readonly IWorkloadEvents _events;
    private readonly TimeProvider _time;
    private readonly ILogger<LocalProcessCluster> _logger;
    private readonly ConcurrentDictionary<string, LocalRun> _active = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    public LocalProcessCluster(LocalAgentOptions options, IWorkloadEvents events, TimeProvider time, ILogger<LocalProcessCluster> logger)
    {
        _options = options;
        _events = events;
        _time = time;
        _logger = logger;
        Directory.CreateDirectory(options.JobsDirectory);
    }

    /// <summary>The settings this agent runs with.</summary>
    public LocalAgentOptions Options => _options;

    public async Task<WorkloadObservation> StartAsync(ProwJob job, CancellationToken cancellationToken = default)
    {
        var directory = LocalRunPlan.DirectoryFor(_options, job.Name);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_active.TryGetValue(job.Name, out var active) && active.Observe() is { } running) return running;

            // A run recorded on disk (finished, or interrupted by an earlier host) is adopted, never re-run.
            var record = LocalRunRecord.TryRead(directory, job.Name);
            if (record?.ToObservation(owned: false) is { } existing) return existing;

            var plan = LocalRunPlan.Create(job, _options);
            if (Directory.Exists(directory)) KeepAsEarlierAttempt(directory);
            var run = LocalRun.Create(plan, _options, _time, observation => ReportAsync(job.Name, observation), ended => _active.TryRemove(new(ended.Name, ended)));
            _active[job.Name] = run;
            try
            {
                run.Begin();
            }
            catch
            {
                _active.TryRemove(new(job.Name, run));
                run.Abandon();
                throw;
            }
            _logger.LogInformation("Started local run of job {Job} ({Name}) in {Directory}", job.Spec.Job, job.Name, directory);
            return run.Observe()!;
        }
        catch (IOException e)
        {
            throw new BuildClusterException($"cannot create the local run of {job.Name}: {e.Message}", permanent: false, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new BuildClusterException($"cannot create the local run of {job.Name}: {e.Message}", permanent: false, e);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<WorkloadObservation?> ObserveAsync(ProwJob job, CancellationToken cancellationToken = default)
    {
        if (_active.TryGetValue(job.Name, out var run)) return Task.FromResult(run.Observe());
        var directory = LocalRunPlan.DirectoryFor(_options, job.Name);
        // Read the record after missing the run in memory: a run ending in between has written its final record by then.
        return Task.FromResult(LocalRunRecord.TryRead(directory, job.Name)?.ToObservation(owned: _active.ContainsKey(job.Name)));
    }

    public async Task DeleteAsync(ProwJob job, CancellationToken cancellationToken = default)
    {
        var directory = LocalRunPlan.DirectoryFor(_options, job.Name);
        bool deleted;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            deleted = _active.TryGetValue(job.Name, out var run)
                ? await DeleteActiveAsync(run)
                : DeleteRecorded(directory, job.Name);
        }
        finally
        {
            _gate.Release();
        }
        if (deleted) await ReportAsync(job.Name, null);
    }

    public Task<Stream?> OpenLogAsync(ProwJob job, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(LocalRunPlan.DirectoryFor(_options, job.Name), LogFileName);
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.Asynchronous);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    /// <summary>Kills the processes of every run still going; they stay recorded as in progress, so the next host reports them interrupted.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_disposed) return;
            _disposed = true;
            await Task.WhenAll(_active.Values.Select(run => run.StopForShutdownAsync()));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>As <see cref="DisposeAsync"/>, for a container disposed synchronously.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task<bool> DeleteActiveAsync(LocalRun run)
    {
        await run.DeleteAsync();
        _active.TryRemove(new(run.Name, run));
        _logger.LogInformation("Deleted local run {Name}", run.Name);
        return true;
    }

    /// <summary>A run not going in this host: mark it deleted, first killing what an earlier host may have left running.</summary>
    private bool DeleteRecorded(string directory, string name)
    {
        var record = LocalRunRecord.TryRead(directory, name);
        if (record is null || record.DeletedAt is not null) return false;
        if (!record.Finished)
        {
            foreach (var process in record.Processes ?? [])
            {
                if (ChildProcess.KillTreeIfSame(process.Id, process.StartedAt))
                    _logger.LogWarning("Killed process {Pid} ({Container}) left running by an earlier host for {Name}", process.Id, process.Container, name);
            }
        }
        (record with { DeletedAt = _time.GetUtcNow() }).WriteTo(directory);
        return true;
    }

    /// <summary>Moves a deleted run's files to <c>&lt;name&gt;_attempt-N</c> so a new run starts clean and nothing is lost.</summary>
    private static void KeepAsEarlierAttempt(string directory)
    {
        for (var attempt = 1; ; attempt++)
        {
            var target = $"{directory}_attempt-{attempt}";
            if (Directory.Exists(target) || File.Exists(target)) continue;
            Directory.Move(directory, target);
            return;
        }
    }

    private async Task ReportAsync(string name, WorkloadObservation? observation)
    {
        try
        {
            await _events.WorkloadChangedAsync(name, observation);
        }
        catch (Exception e)
        {
            // The grain's periodic observe heals a lost change.
            _logger.LogWarning(e, "Could not report the change of local run {Name} ({Phase})", name, observation?.Phase.ToString() ?? "gone");
        }
    }
}
