using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prow.Grains.Jobs;
using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>
/// Keeps <see cref="IWorkloadEvents"/> told about one <see cref="IWorkloadSource"/>: lists (delivering
/// every workload, and null for those gone since the last list), then watches from the list's
/// resourceVersion. A watch the server ends is resumed from the last resourceVersion seen; 410 Gone
/// lists again; every <see cref="WorkloadInformerOptions.RelistPeriod"/> it lists again anyway. Errors
/// are logged and retried with backoff — the loop never ends before <see cref="StopAsync"/>.
/// Deliveries are sequential, in event order; a delivery that throws is logged and not retried (the
/// next list heals it, as does the grain's own polling).
/// </summary>
public sealed class WorkloadInformer(
    IWorkloadSource source,
    IWorkloadEvents events,
    WorkloadInformerOptions? options = null,
    TimeProvider? time = null,
    ILogger<WorkloadInformer>? logger = null) : IHostedService, IAsyncDisposable
{
    private readonly WorkloadInformerOptions _options = options ?? new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private CancellationTokenSource? _stop;
    private Task _loop = Task.CompletedTask;
    private string _resourceVersion = "";
    private long _lists;
    private int _disposed;

    public IWorkloadSource Source => source;

    /// <summary>How many times the informer has listed successfully (for tests and health output).</summary>
    public long Lists => Interlocked.Read(ref _lists);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_stop is not null) return Task.CompletedTask;
        _stop = new CancellationTokenSource();
        var stop = _stop.Token;
        _loop = Task.Run(() => RunAsync(stop), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stop is null || Volatile.Read(ref _disposed) != 0) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _stop?.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var backoff = _options.InitialBackoff;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await ListAsync(stop).ConfigureAwait(false);
                backoff = _options.InitialBackoff;
                using var relistDue = new CancellationTokenSource(_options.RelistPeriod, _time);
                using var watching = CancellationTokenSource.CreateLinkedTokenSource(stop, relistDue.Token);
                await WatchUntilRelistAsync(watching.Token, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "Listing {Source} failed; retrying in {Backoff}", source.Description, backoff);
                if (!await DelayAsync(backoff, stop).ConfigureAwait(false)) return;
                backoff = Next(backoff);
            }
        }
    }

    private async Task ListAsync(CancellationToken stop)
    {
        var list = await source.ListAsync(stop).ConfigureAwait(false);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, observation) in list.Items)
        {
            listed.Add(name);
            await DeliverAsync(name, observation).ConfigureAwait(false);
        }
        foreach (var gone in _known.Except(listed).ToList()) await DeliverAsync(gone, null).ConfigureAwait(false);
        _known.Clear();
        _known.UnionWith(listed);
        _resourceVersion = list.ResourceVersion;
        Interlocked.Increment(ref _lists);
    }

    /// <summary>Watches, resuming after the server ends a watch, until a relist is due (time or 410 Gone).</summary>
    private async Task WatchUntilRelistAsync(CancellationToken watching, CancellationToken stop)
    {
        var backoff = _options.InitialBackoff;
        while (true)
        {
            try
            {
                var received = false;
                await foreach (var change in source.WatchAsync(_resourceVersion, _options.RelistPeriod, watching).ConfigureAwait(false))
                {
                    received = true;
                    backoff = _options.InitialBackoff;
                    if (change.ResourceVersion.Length > 0) _resourceVersion = change.ResourceVersion;
                    if (change.Bookmark) continue;
                    if (change.Observation is null) _known.Remove(change.Name);
                    else _known.Add(change.Name);
                    await DeliverAsync(change.Name, change.Observation).ConfigureAwait(false);
                }
                _logger.LogDebug("Watch of {Source} ended at resourceVersion {ResourceVersion}; resuming", source.Description, _resourceVersion);
                if (!received)
                {
                    // A server that keeps ending watches at once must not make this a busy loop.
                    if (!await DelayAsync(backoff, watching).ConfigureAwait(false)) return;
                    backoff = Next(backoff);
                }
            }
            catch (OperationCanceledException) when (watching.IsCancellationRequested && !stop.IsCancellationRequested)
            {
                return; // relist due
            }
            catch (WatchExpiredException ex)
            {
                _logger.LogInformation("Watch of {Source} expired ({Error}); listing again", source.Description, ex.Message);
                return;
            }
            catch (Exception ex) when (!stop.IsCancellationRequested && ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Watch of {Source} failed; resuming from {ResourceVersion} in {Backoff}", source.Description, _resourceVersion, backoff);
                if (!await DelayAsync(backoff, watching).ConfigureAwait(false)) return;
                backoff = Next(backoff);
            }
        }
    }

    private async Task DeliverAsync(string name, WorkloadObservation? observation)
    {
        try
        {
            await events.WorkloadChangedAsync(name, observation).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Delivering the change of {Workload} from {Source} failed", name, source.Description);
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private TimeSpan Next(TimeSpan backoff) => TimeSpan.FromTicks(Math.Min(Math.Max(backoff.Ticks * 2, 1), _options.MaxBackoff.Ticks));
}
