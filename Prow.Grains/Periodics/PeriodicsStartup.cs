using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prow.Abstractions.Config;
using Prow.Abstractions.Jobs.Grains;

namespace Prow.Grains.Periodics;

/// <summary>
/// Once the silo is active, and after every configuration reload, asks the periodic scheduler grain
/// to sync (one sync at a time; reloads during a sync are folded into one more). A failed sync is
/// retried after <see cref="PeriodicOptions.SyncRetryDelay"/>.
/// </summary>
internal sealed partial class PeriodicsStartup(
    IGrainFactory grains,
    IConfigSource config,
    IOptions<PeriodicOptions> options,
    TimeProvider time,
    ILogger<PeriodicsStartup> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly SemaphoreSlim _nudge = new(0, int.MaxValue);
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PeriodicsStartup), ServiceLifecycleStage.Active, OnStartAsync, OnStopAsync);

    private Task OnStartAsync(CancellationToken cancellationToken)
    {
        config.Changed += OnConfigChanged;
        _loop = Task.Run(() => LoopAsync(_stopping.Token), CancellationToken.None);
        _nudge.Release();
        return Task.CompletedTask;
    }

    private async Task OnStopAsync(CancellationToken cancellationToken)
    {
        config.Changed -= OnConfigChanged;
        await _stopping.CancelAsync();
        try
        {
            await _loop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private void OnConfigChanged(ConfigSnapshot snapshot) => _nudge.Release();

    private async Task LoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await _nudge.WaitAsync(stopping);
                while (_nudge.CurrentCount > 0) await _nudge.WaitAsync(stopping);
                var result = await grains.GetGrain<IPeriodicSchedulerGrain>(IPeriodicSchedulerGrain.Key).Sync();
                if (result.Failed > 0) RetryLater(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogSyncFailed(e, options.Value.SyncRetryDelay);
                RetryLater(stopping);
            }
        }
    }

    private void RetryLater(CancellationToken stopping) =>
        _ = Task.Delay(options.Value.SyncRetryDelay, time, stopping).ContinueWith(
            t => { if (!t.IsCanceled) _nudge.Release(); }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    public void Dispose()
    {
        _stopping.Dispose();
        _nudge.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Syncing the periodics with the configuration failed; retrying in {Delay}")]
    private partial void LogSyncFailed(Exception e, TimeSpan delay);
}
