using Prow.Abstractions.Config.Jobs;

namespace Prow.Abstractions.Tests.Config.Jobs;

public sealed class CronScheduleTests
{
    public static TheoryData<string, string, string> Valid => new()
    {
        // cron, from (UTC), expected next (UTC)
        { "0 */2 * * *", "2026-01-01T01:30:00Z", "2026-01-01T02:00:00Z" },
        { "4 2-23/24 * * *", "2026-01-01T03:00:00Z", "2026-01-02T02:04:00Z" },
        { "30 5 * * MON", "2026-01-01T00:00:00Z", "2026-01-05T05:30:00Z" },
        { "0 0 1 jan *", "2026-03-01T00:00:00Z", "2027-01-01T00:00:00Z" },
        { "15 10/6 * * *", "2026-01-01T11:00:00Z", "2026-01-01T16:15:00Z" },
        { "0 30 6 * * *", "2026-01-01T00:00:00Z", "2026-01-01T06:30:00Z" },
        { "@daily", "2026-01-01T12:00:00Z", "2026-01-02T00:00:00Z" },
        { "@hourly", "2026-01-01T12:10:00Z", "2026-01-01T13:00:00Z" },
        { "@every 90m", "2026-01-01T12:00:00Z", "2026-01-01T13:30:00Z" },
        { "0 12 * * ?", "2026-01-01T13:00:00Z", "2026-01-02T12:00:00Z" },
        { "TZ=UTC 0 9 * * *", "2026-01-01T10:00:00Z", "2026-01-02T09:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Valid_ComputesTheNextRun(string cron, string from, string next)
    {
        Assert.True(CronSchedule.TryParse(cron, out var schedule, out var problem), problem);

        Assert.Equal(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture), schedule!.Next(DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("", "empty spec")]
    [InlineData("* * * *", "expected 5 to 6 fields")]
    [InlineData("* * * * * * *", "expected 5 to 6 fields")]
    [InlineData("60 * * * *", "above maximum (59)")]
    [InlineData("0 24 * * *", "above maximum (23)")]
    [InlineData("0 0 0 * *", "below minimum (1)")]
    [InlineData("0 0 * * 7", "above maximum (6)")]
    [InlineData("5-1 * * * *", "beyond end of range")]
    [InlineData("*/0 * * * *", "step of range should be a positive number")]
    [InlineData("a * * * *", "failed to parse int from a")]
    [InlineData("1-2-3 * * * *", "too many hyphens")]
    [InlineData("@fortnightly", "unrecognized descriptor")]
    [InlineData("@every soon", "failed to parse duration")]
    [InlineData("TZ=Nowhere/Special 0 * * * *", "unknown time zone")]
    public void Invalid_ReportsTheProblem(string cron, string problem)
    {
        Assert.Contains(problem, CronSchedule.Problem(cron), StringComparison.Ordinal);
    }
}
