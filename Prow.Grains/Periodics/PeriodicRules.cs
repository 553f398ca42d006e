using System.Security.Cryptography;
using System.Text;
using Prow.Abstractions.Config.Jobs;
using Prow.Abstractions.Config.Yaml;
using Prow.Abstractions.Jobs;

namespace Prow.Grains.Periodics;

/// <summary>
/// When a periodic is due, as horologium decides it (cmd/horologium), computed from what the
/// periodic's grain has persisted: the schedule, when that schedule was first seen, and the last run.
/// Pure: the same inputs always give the same due time, so the ProwJob name derived from it is the same.
/// </summary>
public static class PeriodicRules
{
    /// <summary>horologium's cap on retries, whatever <c>retry.attempts</c> says.</summary>
    public const int MaxRetries = 10;

    /// <summary>Namespace of the UUID v5 ProwJob names of periodic runs.</summary>
    private static readonly Guid NameSpace = new("6f1d8a8e-3c2b-5a7e-9d41-0b7e2c9f4a13");

    /// <summary>The schedule as one comparable string ("cron: 0 * * * *", "interval: 1h", "minimum_interval: 30m").</summary>
    public static string ScheduleOf(Periodic periodic) =>
        periodic.Cron.Length > 0 ? $"cron: {periodic.Cron}"
        : periodic.Interval.Length > 0 ? $"interval: {periodic.Interval}"
        : $"minimum_interval: {periodic.MinimumInterval}";

    /// <summary>
    /// What runs next, and when: the scheduled run (<see cref="NextDue"/>) or a retry of a failed last run
    /// (<see cref="RetryDue"/>), whichever is due first; when both are due at <paramref name="now"/> the
    /// scheduled run wins, as in horologium. Null when nothing is due at any time yet.
    /// </summary>
    public static PeriodicDue? Next(Periodic periodic, DateTimeOffset since, PeriodicRun? last, DateTimeOffset now)
    {
        var scheduled = NextDue(periodic, since, last);
        if (scheduled is { } due && due <= now) return new PeriodicDue(due, 0);
        if (RetryDue(periodic, last) is { } retry && (scheduled is null || retry.At < scheduled)) return retry;
        return scheduled is { } later ? new PeriodicDue(later, 0) : null;
    }

    /// <summary>
    /// horologium's retry of a failed run (<c>shouldTriggerFailedRun</c>): with <c>retry</c> set, a
    /// retry interval after the last run started, when the last run completed and did not succeed
    /// (with <c>run_all</c>: whatever its state, even still running), up to <c>retry.attempts</c>
    /// (at most <see cref="MaxRetries"/>) runs counted with the re-run label.
    /// </summary>
    public static PeriodicDue? RetryDue(Periodic periodic, PeriodicRun? last)
    {
        // A run whose creation was interrupted is finished first, never retried past.
        if (periodic.Retry is not { } retry || last is not { Created: true }) return null;
        if (!last.Complete && !retry.RunAll) return null;
        var attempt = last.Attempt + 1;
        if (attempt > Math.Min(retry.Attempts, MaxRetries)) return null;
        if (!retry.RunAll && last.State == ProwJobState.Success) return null;
        if (!GoDuration.TryParse(retry.Interval, out var interval)) return null;
        return new PeriodicDue((last.StartedAt ?? last.Due) + interval, attempt);
    }

    /// <summary>
    /// The periodic's next scheduled due time, or null when it is not due at any time yet: the last run has not
    /// completed (horologium never overlaps two runs of a periodic, whatever the schedule), or the
    /// schedule is invalid or has no further occurrence. A due time at or before now means "run now".
    /// <list type="bullet">
    /// <item>interval: never run → <paramref name="since"/> (at once); else the last run's start + interval.</item>
    /// <item>minimum_interval: never run → <paramref name="since"/>; else the last run's completion + minimum_interval.</item>
    /// <item>cron (UTC unless TZ=): the first occurrence after the latest of <paramref name="since"/>, the
    /// last due time and the last completion: a periodic first seen waits for the next tick, and ticks
    /// that pass while a run is still running are skipped, as in horologium.</item>
    /// <item>"@every d": at once when the schedule is new (horologium triggers @every on adding it), then on
    /// the grid last due + k·d, skipping grid points passed while the last run was running.</item>
    /// </list>
    /// </summary>
    /// <param name="since">When the grain first saw the current schedule (first sight or last change).</param>
    public static DateTimeOffset? NextDue(Periodic periodic, DateTimeOffset since, PeriodicRun? last)
    {
        if (last is { Complete: false }) return null;
        if (periodic.Cron.Length > 0)
        {
            if (!CronSchedule.TryParse(periodic.Cron, out var cron, out _) || cron is null) return null;
            if (cron.Every is { } every)
            {
                if (last is null || since > last.Due) return since;
                var after = Max(last.Due, last.CompletedAt!.Value);
                var steps = (after - last.Due).Ticks / every.Ticks + 1;
                return last.Due + TimeSpan.FromTicks(every.Ticks * steps);
            }
            var anchor = last is null ? since : Max(since, Max(last.Due, last.CompletedAt!.Value));
            return cron.Next(anchor);
        }
        if (periodic.Interval.Length > 0)
        {
            if (Duration(periodic.IntervalDuration, periodic.Interval) is not { } interval) return null;
            return last is null ? since : (last.StartedAt ?? last.Due) + interval;
        }
        if (Duration(periodic.MinimumIntervalDuration, periodic.MinimumInterval) is not { } minimum) return null;
        return last is null ? since : last.CompletedAt!.Value + minimum;
    }

    /// <summary>
    /// The ProwJob name of the run of <paramref name="periodic"/> due at <paramref name="due"/>: a UUID
    /// (version 5, SHA-1 of the periodic's name and the due time in UTC ticks), so the same run always
    /// gets the same name and a retried create cannot make a second job.
    /// </summary>
    public static string JobName(string periodic, DateTimeOffset due)
    {
        Span<byte> input = stackalloc byte[16];
        NameSpace.TryWriteBytes(input, bigEndian: true, out _);
        var text = Encoding.UTF8.GetBytes($"{periodic}\n{due.UtcTicks}");
        var hash = SHA1.HashData([.. input, .. text]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }

    private static TimeSpan? Duration(TimeSpan? parsed, string text) =>
        parsed ?? (GoDuration.TryParse(text, out var value) ? value : null);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}

/// <summary>A due run: when, and which retry it is (0: a scheduled run).</summary>
public readonly record struct PeriodicDue(DateTimeOffset At, int Attempt);
