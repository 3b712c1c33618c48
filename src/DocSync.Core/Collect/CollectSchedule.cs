using System.Globalization;
using Cronos;

namespace DocSync.Core.Collect;

/// <summary>Channel schedules: five-field cron expressions read in a time zone.</summary>
public static class CollectSchedule
{
    /// <summary>The expression for "daily at <paramref name="hour"/>:00".</summary>
    /// <param name="hour">0 to 23.</param>
    public static string Daily(int hour) => string.Create(CultureInfo.InvariantCulture, $"0 {Math.Clamp(hour, 0, 23)} * * *");

    /// <summary>The hour of a "daily at HH:00" expression, or <see langword="null"/> for any other.</summary>
    /// <param name="expression">An expression.</param>
    public static int? DailyHour(string expression)
    {
        var parts = (expression ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 5 && parts[0] == "0" && parts[2] == "*" && parts[3] == "*" && parts[4] == "*"
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour is >= 0 and <= 23
            ? hour
            : null;
    }

    /// <summary>Why <paramref name="expression"/> is not a usable schedule, or <see langword="null"/>.</summary>
    /// <param name="expression">A cron expression.</param>
    public static string? Error(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return "A schedule is required.";
        }
        try
        {
            var cron = CronExpression.Parse(expression.Trim(), CronFormat.Standard);
            var first = cron.GetNextOccurrence(DateTime.UtcNow);
            if (first is null)
            {
                return "This schedule never runs.";
            }
            var second = cron.GetNextOccurrence(first.Value);
            return second is { } next && next - first.Value < TimeSpan.FromMinutes(5)
                ? "Scheduled runs are at least 5 minutes apart (files dropped between them arrive within seconds in near-real-time mode)."
                : null;
        }
        catch (CronFormatException e)
        {
            return "Not a cron expression (minute hour day month weekday): " + e.Message;
        }
    }

    /// <summary>Why <paramref name="timeZone"/> is not a known time zone, or <see langword="null"/>.</summary>
    /// <param name="timeZone">An IANA id.</param>
    public static string? TimeZoneError(string? timeZone) =>
        timeZone is { Length: > 0 and <= 64 } && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _) ? null : "Not a known time zone (e.g. Europe/Brussels).";

    /// <summary>The first occurrence (in UTC) of <paramref name="expression"/> read in <paramref name="timeZone"/> after <paramref name="after"/>.</summary>
    /// <param name="expression">A valid cron expression.</param>
    /// <param name="timeZone">A valid time zone id.</param>
    /// <param name="after">The moment after which.</param>
    public static DateTimeOffset? Next(string expression, string timeZone, DateTimeOffset after)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return CronExpression.Parse(expression.Trim(), CronFormat.Standard).GetNextOccurrence(after, zone)?.ToUniversalTime();
    }
}
