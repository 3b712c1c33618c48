using System.Globalization;
using DocSync.Core.Collect;
using DocSync.Core.Connections;
using DocSync.Core.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DocSync.Core.Notifications;

/// <summary>
/// Spots, among the changes about to be saved, the moments people must hear about, and writes a
/// <see cref="NoticeEvent"/> for each into the same save (so an event exists exactly when its change
/// does): a connection turning to "needs re-linking", a channel paused by DocSync, a connection's
/// queue held by a full Dropbox, an export task giving up. Pure: it reads the entries, never the database.
/// </summary>
public static class NoticeDetector
{
    /// <summary>The problem code of a connection whose Dropbox is full.</summary>
    public const string DropboxFull = "insufficient_space";

    /// <summary>The events <paramref name="entries"/> amount to.</summary>
    /// <param name="entries">The changed entries of a save.</param>
    /// <param name="now">The save's time.</param>
    public static IReadOnlyList<NoticeEvent> Detect(IEnumerable<EntityEntry> entries, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var events = new List<NoticeEvent>();
        foreach (var entry in entries.Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            switch (entry.Entity)
            {
                case DropboxConnection c when c.State == ConnectionState.NeedsRelink && Changed(entry, nameof(DropboxConnection.State)):
                    events.Add(Event(c.CompanyId, NoticeKind.ConnectionNeedsRelink, c.Id, c.Name, c.LastError, $"relink:{c.Id:N}:{Ticks(c.LinkedAt)}", now));
                    break;
                case CollectionChannel ch when ch.ProblemCode is not null && Changed(entry, nameof(CollectionChannel.ProblemCode)) && Was(entry, nameof(CollectionChannel.ProblemCode)) is null:
                    events.Add(Event(ch.CompanyId, NoticeKind.ChannelPaused, ch.Id, ch.Name, ch.Problem, $"paused:{ch.Id:N}:{Ticks(ch.UpdatedAt)}:{ch.ProblemCode}", now));
                    break;
                case ConnectionActivity a when a.ProblemCode == DropboxFull && Changed(entry, nameof(ConnectionActivity.ProblemCode)):
                    events.Add(Event(a.CompanyId, NoticeKind.DropboxNearlyFull, a.ConnectionId, "", a.Problem, $"full:{a.ConnectionId:N}:{Ticks(a.ProblemAt ?? now)}", now));
                    break;
                case SyncTask t when t.DeadAt is { } dead && Changed(entry, nameof(SyncTask.DeadAt)) && Was(entry, nameof(SyncTask.DeadAt)) is null:
                    events.Add(DeadLetters(t.CompanyId, t.ConnectionId, 1, dead, now));
                    break;
            }
        }

        return events;
    }

    /// <summary>New dead letters of a connection: one notice per connection and day, however many gave up that day.</summary>
    /// <param name="companyId">The company.</param>
    /// <param name="connectionId">The connection.</param>
    /// <param name="count">How many gave up.</param>
    /// <param name="day">When.</param>
    /// <param name="now">Now.</param>
    public static NoticeEvent DeadLetters(Guid companyId, Guid connectionId, int count, DateTimeOffset day, DateTimeOffset now) =>
        Event(companyId, NoticeKind.DeadLetters, connectionId, "", null, $"dead:{connectionId:N}:{day.UtcDateTime:yyyy-MM-dd}", now, count);

    /// <summary>A connection's Dropbox reached 90 %: one notice per connection and month.</summary>
    /// <param name="companyId">The company.</param>
    /// <param name="connectionId">The connection.</param>
    /// <param name="percent">How full.</param>
    /// <param name="now">Now.</param>
    public static NoticeEvent NearlyFull(Guid companyId, Guid connectionId, int percent, DateTimeOffset now) =>
        Event(companyId, NoticeKind.DropboxNearlyFull, connectionId, "", percent.ToString(CultureInfo.InvariantCulture) + " %", $"space:{connectionId:N}:{now.UtcDateTime:yyyy-MM}", now);

    private static NoticeEvent Event(Guid companyId, NoticeKind kind, Guid subjectId, string name, string? detail, string key, DateTimeOffset now, int count = 1) => new()
    {
        CompanyId = companyId,
        Kind = kind,
        SubjectId = subjectId,
        SubjectName = name.Length > 200 ? name[..200] : name,
        Detail = detail is { Length: > 2000 } ? detail[..2000] : detail,
        Count = count,
        DedupKey = key,
        CreatedAt = now,
    };

    /// <summary>Whether the save writes a new value of <paramref name="property"/> (a new row always does).</summary>
    private static bool Changed(EntityEntry entry, string property)
    {
        if (entry.State == EntityState.Added)
        {
            return true;
        }

        var p = entry.Property(property);
        return p.IsModified && !Equals(p.OriginalValue, p.CurrentValue);
    }

    private static object? Was(EntityEntry entry, string property) => entry.State == EntityState.Added ? null : entry.Property(property).OriginalValue;

    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString(CultureInfo.InvariantCulture);
}
