using System.Globalization;
using DocSync.Core.Collect;
using DocSync.Web.Localization;

namespace DocSync.Web.Features.Collection;

/// <summary>How the collection pages word the service's schedules, codes and counts in the person's language.</summary>
public static class CollectWords
{
    /// <summary>A schedule in words: "Daily at 06:00 (Europe/Brussels)", or the cron expression.</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="schedule">A cron expression.</param>
    /// <param name="timeZone">Its time zone.</param>
    public static string Schedule(this Texts texts, string schedule, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return CollectSchedule.DailyHour(schedule) is { } hour
            ? texts.Format("collect.schedule.daily", hour.ToString("00", CultureInfo.InvariantCulture) + ":00", timeZone)
            : texts.Format("collect.schedule.cron", schedule, timeZone);
    }

    /// <summary>A skip or failure reason code in words (the code itself when unknown).</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="reason">A <see cref="CollectReasons"/> code.</param>
    public static string Reason(this Texts texts, string? reason) =>
        reason is null ? "" : texts.Known($"collect.reason.{reason}", reason);

    /// <summary>What stopped a run, in words; the service's sentence when the code is unknown.</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="run">The run.</param>
    public static string Problem(this Texts texts, CollectionRunInfo run)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(run);
        var key = $"collect.runProblem.{run.ProblemCode}";
        return run.ProblemCode is not null && texts.Has(key) ? texts[key] : run.Problem ?? "";
    }

    /// <summary>Why a channel is paused, in words; the service's sentence when the code is unknown.</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="channel">A paused channel.</param>
    public static string Problem(this Texts texts, CollectionChannelInfo channel)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(channel);
        var key = $"collect.problem.{channel.ProblemCode}";
        return channel.ProblemCode is not null && texts.Has(key) ? texts.Format(key, channel.SourcePath) : channel.Problem ?? "";
    }

    /// <summary>A refused field in words, e.g. <c>collect.error.name.taken</c>; the service's sentence when the rule is unknown.</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="field">The service's field.</param>
    /// <param name="code">The rule's code.</param>
    /// <param name="message">The service's sentence.</param>
    public static string Error(this Texts texts, string field, string code, string message) =>
        texts.Known($"collect.error.{field}.{code}", texts.Message(code, message));

    /// <summary>What a run did, in one sentence with its counts.</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="run">The run.</param>
    public static string Counts(this Texts texts, CollectionRunInfo run)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(run);
        return texts.Format("collect.counts", run.Collected, run.Skipped, run.Failed);
    }

    /// <summary>How long a run took ("–" while it runs).</summary>
    /// <param name="run">The run.</param>
    public static string Duration(CollectionRunInfo run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.EndedAt is not { } ended)
        {
            return "–";
        }

        var took = ended - run.StartedAt;
        return took < TimeSpan.FromSeconds(10)
            ? took.TotalSeconds.ToString("0.0", CultureInfo.CurrentCulture) + " s"
            : Shared.Formats.Duration(took);
    }

    /// <summary>A moment as the channel's clock shows it, with its time zone: "02/12/2026 06:00 (Europe/Brussels)".</summary>
    /// <param name="time">The moment.</param>
    /// <param name="timeZone">An IANA time zone (UTC when unknown).</param>
    public static string InZone(DateTimeOffset time, string timeZone)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(time, zone);
        return $"{Shared.Formats.Date(DateOnly.FromDateTime(local.DateTime))} {local.ToString("HH:mm", CultureInfo.InvariantCulture)} ({zone.Id})";
    }

    private static bool Has(this Texts texts, string key) => texts.Keys("en").Contains(key);

    private static string Known(this Texts texts, string key, string fallback) => texts.Has(key) ? texts[key] : fallback;
}
