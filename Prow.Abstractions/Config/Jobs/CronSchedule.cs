using Cronos;
using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Jobs;

/// <summary>
/// Periodic cron strings as horologium accepts them (robfig/cron with optional seconds and
/// descriptors): 5 fields, or 6 with seconds first; @yearly, @annually, @monthly, @weekly, @daily,
/// @midnight, @hourly; "@every &lt;Go duration&gt;"; an optional "TZ=Zone " or "CRON_TZ=Zone " prefix.
/// </summary>
public static class CronSchedule
{
    private static readonly HashSet<string> Descriptors = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];

    /// <summary>Returns null when <paramref name="cron"/> is valid, else the problem.</summary>
    public static string? Problem(string cron)
    {
        var text = cron.Trim();
        if (text.StartsWith("TZ=", StringComparison.Ordinal) || text.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            var space = text.IndexOf(' ');
            if (space < 0) return "missing spec after timezone";
            var zone = text[(text.IndexOf('=') + 1)..space];
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)) return $"provided bad location {zone}: unknown time zone {zone}";
            text = text[(space + 1)..].Trim();
        }
        if (text.Length == 0) return "empty spec string";
        if (text[0] == '@')
        {
            if (text.StartsWith("@every ", StringComparison.Ordinal))
            {
                var duration = text["@every ".Length..].Trim();
                return GoDuration.TryParse(duration, out _) ? null : $"failed to parse duration {text}: invalid duration \"{duration}\"";
            }
            return Descriptors.Contains(text) ? null : $"unrecognized descriptor: {text}";
        }
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is < 5 or > 6) return $"expected 5 to 6 fields, found {fields.Length}: {text}";
        try
        {
            CronExpression.Parse(string.Join(' ', fields), fields.Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return null;
        }
        catch (CronFormatException ex)
        {
            return ex.Message;
        }
    }
}
