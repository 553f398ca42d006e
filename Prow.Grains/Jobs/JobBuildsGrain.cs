using Prow.Abstractions.Jobs.Grains;

namespace Prow.Grains.Jobs;

/// <summary>
/// Build IDs per configured job. An ID is Prow's default form (a snowflake-style number: milliseconds
/// since the snowflake epoch shifted left by 22 bits), raised to last + 1 when the clock has not moved
/// on, so IDs of one job only grow — even across restarts, because the last one is persisted before
/// it is handed out. The last <see cref="Remembered"/> assignments are kept for log lookups.
/// </summary>
public sealed class JobBuildsGrain(
    [PersistentState("job-builds")] IPersistentState<JobBuildsState> state,
    TimeProvider time) : Grain, IJobBuildsGrain
{
    /// <summary>bwmarrin/snowflake's default epoch (Twitter's), which Prow's build IDs use.</summary>
    private static readonly DateTimeOffset SnowflakeEpoch = DateTimeOffset.FromUnixTimeMilliseconds(1288834974657);

    /// <summary>How many build → ProwJob assignments are remembered (Sinker keeps jobs 2 days; a 1-minute periodic makes 2,880).</summary>
    public const int Remembered = 5000;

    public async Task<string> Assign(string prowJobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(prowJobName);
        var s = state.State;
        var existing = s.Assignments.FindLast(a => a.ProwJob == prowJobName);
        if (existing is not null) return existing.BuildId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var id = Math.Max(FromClock(time.GetUtcNow()), s.Last + 1);
        s.Last = id;
        s.Assignments.Add(new BuildAssignment { BuildId = id, ProwJob = prowJobName });
        if (s.Assignments.Count > Remembered) s.Assignments.RemoveRange(0, s.Assignments.Count - Remembered);
        await state.WriteStateAsync();
        return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<string?> Find(string buildId)
    {
        if (!long.TryParse(buildId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            return Task.FromResult<string?>(null);
        return Task.FromResult(state.State.Assignments.FindLast(a => a.BuildId == id)?.ProwJob);
    }

    /// <summary>The clock's snowflake value with zero worker and sequence bits.</summary>
    internal static long FromClock(DateTimeOffset now) => Math.Max(0, (long)(now - SnowflakeEpoch).TotalMilliseconds) << 22;
}

[GenerateSerializer]
[Alias("prow.jobs.JobBuildsState")]
public sealed class JobBuildsState
{
    [Id(0)] public long Last { get; set; }
    [Id(1)] public List<BuildAssignment> Assignments { get; set; } = [];
}

[GenerateSerializer]
[Alias("prow.jobs.BuildAssignment")]
public sealed class BuildAssignment
{
    [Id(0)] public long BuildId { get; set; }
    [Id(1)] public string ProwJob { get; set; } = "";
}
