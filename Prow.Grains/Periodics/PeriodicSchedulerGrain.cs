using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prow.Abstractions.Config;
using Prow.Abstractions.Jobs.Grains;

namespace Prow.Grains.Periodics;

/// <summary>
/// Keeps the periodic grains in step with the configuration: ensures every configured periodic
/// (which registers its reminder and reschedules a changed one) and retires those no longer
/// configured. It persists the names it has ensured, so a periodic removed while the silo was down
/// is still retired; a name is remembered before its grain is ensured and forgotten only after its
/// grain has retired.
/// </summary>
public sealed partial class PeriodicSchedulerGrain(
    [PersistentState("periodic-scheduler")] IPersistentState<PeriodicSchedulerState> state,
    IConfigSource config,
    IOptions<PeriodicOptions> options,
    ILogger<PeriodicSchedulerGrain> logger) : Grain, IPeriodicSchedulerGrain
{
    public async Task<PeriodicSyncResult> Sync()
    {
        var snapshot = config.Current;
        var configured = snapshot.Config.Periodics.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var known = state.State.Names;
        if (!configured.IsSubsetOf(known))
        {
            known.UnionWith(configured);
            await state.WriteStateAsync();
        }

        var removed = known.Where(n => !configured.Contains(n)).Order(StringComparer.Ordinal).ToList();
        var failed = 0;
        var retired = new List<string>();
        foreach (var batch in configured.Order(StringComparer.Ordinal).Concat(removed).Chunk(Math.Max(1, options.Value.SyncParallelism)))
        {
            await Task.WhenAll(batch.Select(async name =>
            {
                try
                {
                    var grain = GrainFactory.GetGrain<IPeriodicJobGrain>(name);
                    if (configured.Contains(name)) await grain.Ensure();
                    else
                    {
                        await grain.Retire();
                        lock (retired) retired.Add(name);
                    }
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref failed);
                    LogFailed(e, name);
                }
            }));
        }

        if (retired.Count > 0)
        {
            known.ExceptWith(retired);
            await state.WriteStateAsync();
        }
        LogSynced(configured.Count, retired.Count, failed, snapshot.Generation);
        return new PeriodicSyncResult(configured.Count, retired.Count, failed, snapshot.Generation);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Periodic {Name}: sync with the configuration failed; the next sync retries")]
    private partial void LogFailed(Exception e, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Periodics synced with configuration generation {Generation}: {Ensured} ensured, {Retired} retired, {Failed} failed")]
    private partial void LogSynced(int ensured, int retired, int failed, long generation);
}

[GenerateSerializer]
[Alias("prow.periodics.PeriodicSchedulerState")]
public sealed class PeriodicSchedulerState
{
    /// <summary>The periodics whose grains have been ensured and not yet retired.</summary>
    [Id(0)] public HashSet<string> Names { get; set; } = new(StringComparer.Ordinal);
}
