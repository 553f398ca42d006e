using System.Globalization;
using Cronos;
using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Jobs;

/// <summary>
/// A periodic's cron string as horologium reads it (robfig/cron with optional seconds and
/// descriptors): 5 fields, or 6 with seconds first; names of months and weekdays; <c>*</c>, <c>?</c>,
/// ranges, lists and steps (a step may exceed its range, as robfig allows: "2-23/24" is "2");
/// @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly; "@every &lt;Go duration&gt;";
/// an optional "TZ=Zone " or "CRON_TZ=Zone " prefix. Checked with robfig's rules, then compiled to a
/// Cronos expression (robfig-only forms rewritten) for computing occurrences.
/// </summary>
public sealed class CronSchedule
{
    private static readonly Dictionary<string, string> Descriptors = new(StringComparer.Ordinal)
    {
        ["@yearly"] = "0 0 1 1 *", ["@annually"] = "0 0 1 1 *", ["@monthly"] = "0 0 1 * *",
        ["@weekly"] = "0 0 * * 0", ["@daily"] = "0 0 * * *", ["@midnight"] = "0 0 * * *", ["@hourly"] = "0 * * * *",
    };

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] Weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private CronSchedule(CronExpression? expression, TimeSpan? every, TimeZoneInfo zone)
    {
        Expression = expression;
        Every = every;
        TimeZone = zone;
    }

    /// <summary>The schedule as a Cronos expression (null for "@every").</summary>
    public CronExpression? Expression { get; }

    /// <summary>The fixed period of an "@every" schedule.</summary>
    public TimeSpan? Every { get; }

    /// <summary>The zone the fields are read in (UTC unless TZ= is given).</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The next run strictly after <paramref name="from"/>, or null if there is none.</summary>
    public DateTimeOffset? Next(DateTimeOffset from) =>
        Every is { } every ? from + every : Expression?.GetNextOccurrence(from, TimeZone);

    /// <summary>Returns null when <paramref name="cron"/> is valid, else the problem.</summary>
    public static string? Problem(string cron) => TryParse(cron, out _, out var problem) ? null : problem;

    public static bool TryParse(string cron, out CronSchedule? schedule, out string problem)
    {
        schedule = null;
        problem = "";
        var text = cron.Trim();
        var zone = TimeZoneInfo.Utc;
        if (text.StartsWith("TZ=", StringComparison.Ordinal) || text.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            var space = text.IndexOf(' ');
            var zoneName = space < 0 ? text[(text.IndexOf('=') + 1)..] : text[(text.IndexOf('=') + 1)..space];
            if (space < 0) return Fail(out problem, "missing spec after timezone");
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneName, out var found))
                return Fail(out problem, $"provided bad location {zoneName}: unknown time zone {zoneName}");
            zone = found;
            text = text[(space + 1)..].Trim();
        }
        if (text.Length == 0) return Fail(out problem, "empty spec string");
        if (text.StartsWith("@every ", StringComparison.Ordinal))
        {
            var duration = text["@every ".Length..].Trim();
            if (!GoDuration.TryParse(duration, out var every) || every <= TimeSpan.Zero)
                return Fail(out problem, $"failed to parse duration {text}: invalid duration \"{duration}\"");
            schedule = new CronSchedule(null, every, zone);
            return true;
        }
        if (text[0] == '@')
        {
            if (!Descriptors.TryGetValue(text, out var expanded)) return Fail(out problem, $"unrecognized descriptor: {text}");
            text = expanded;
        }

        var fields = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is < 5 or > 6) return Fail(out problem, $"expected 5 to 6 fields, found {fields.Length}: [{string.Join(" ", fields)}]");
        var withSeconds = fields.Length == 6;
        var bounds = new (int Min, int Max, string[]? Names)[] { (0, 59, null), (0, 59, null), (0, 23, null), (1, 31, null), (1, 12, Months), (0, 6, Weekdays) };
        var offset = withSeconds ? 0 : 1;
        var normalized = new string[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var (min, max, names) = bounds[i + offset];
            if (!TryNormalizeField(fields[i], min, max, names, i + offset >= 3, out normalized[i], out problem)) return false;
        }
        try
        {
            var expression = CronExpression.Parse(string.Join(' ', normalized), withSeconds ? CronFormat.IncludeSeconds : CronFormat.Standard);
            schedule = new CronSchedule(expression, null, zone);
            return true;
        }
        catch (CronFormatException ex)
        {
            return Fail(out problem, ex.Message);
        }
    }

    private static bool TryNormalizeField(string field, int min, int max, string[]? names, bool dayField, out string normalized, out string problem)
    {
        normalized = "";
        problem = "";
        var parts = new List<string>();
        foreach (var expr in field.Split(','))
        {
            var rangeAndStep = expr.Split('/');
            if (rangeAndStep.Length > 2) return Fail(out problem, $"too many slashes: {expr}");
            var lowAndHigh = rangeAndStep[0].Split('-');
            if (lowAndHigh.Length > 2) return Fail(out problem, $"too many hyphens: {expr}");
            int start, end;
            var star = lowAndHigh[0] is "*" or "?";
            if (star)
            {
                if (lowAndHigh.Length > 1) return Fail(out problem, $"invalid range: {expr}");
                (start, end) = (min, max);
            }
            else
            {
                if (!TryValue(lowAndHigh[0], names, out start, out problem)) return false;
                end = start;
                if (lowAndHigh.Length == 2 && !TryValue(lowAndHigh[1], names, out end, out problem)) return false;
            }
            var step = 1;
            if (rangeAndStep.Length == 2)
            {
                if (!TryValue(rangeAndStep[1], null, out step, out problem)) return false;
                if (step == 0) return Fail(out problem, $"step of range should be a positive number: {expr}");
                if (!star && lowAndHigh.Length == 1) end = max;
            }
            if (start < min) return Fail(out problem, $"beginning of range ({start}) below minimum ({min}): {expr}");
            if (end > max) return Fail(out problem, $"end of range ({end}) above maximum ({max}): {expr}");
            if (start > end) return Fail(out problem, $"beginning of range ({start}) beyond end of range ({end}): {expr}");

            if (star && step == 1) parts.Add(dayField && rangeAndStep[0] == "?" ? "?" : "*");
            else if (step > end - start) parts.Add(start.ToString(CultureInfo.InvariantCulture));
            else if (step == 1) parts.Add(start == end ? $"{start}" : $"{start}-{end}");
            else parts.Add($"{start}-{end}/{step}");
        }
        normalized = string.Join(',', parts);
        if (normalized.Contains('?') && parts.Count > 1) normalized = normalized.Replace("?", "*", StringComparison.Ordinal);
        return true;
    }

    private static bool TryValue(string text, string[]? names, out int value, out string problem)
    {
        problem = "";
        if (names is not null)
        {
            var index = Array.IndexOf(names, text.ToLowerInvariant());
            if (index >= 0)
            {
                value = names == Months ? index + 1 : index;
                return true;
            }
        }
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
            return Fail(out problem, $"failed to parse int from {text}");
        if (value < 0) return Fail(out problem, $"negative number ({value}) not allowed: {text}");
        return true;
    }

    private static bool Fail(out string problem, string message)
    {
        problem = message;
        return false;
    }
}
