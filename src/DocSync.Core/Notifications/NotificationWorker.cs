using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Connections;
using DocSync.Core.Organizing;
using DocSync.Core.Overview;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Notifications;

/// <summary>
/// The one sender of notices: turns <see cref="NoticeEvent"/>s into <see cref="Notice"/>s (one per
/// event key) for the people whose role may act on them, then e-mails each person as they chose
/// (at once or in a daily digest, in their language) when SMTP is set. Every so often it also looks
/// at what the engines write in bulk (export tasks giving up) and at each Dropbox's space.
/// </summary>
public sealed partial class NotificationWorker(IServiceScopeFactory scopes, Mailer mailer, DropboxSpace space, IOptions<NotificationOptions> options,
    IOptions<SmtpOptions> smtp, TimeProvider time, ILogger<NotificationWorker> logger)
{
    private const int Batch = 200;
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    /// <summary>Runs until stopped, one round every <see cref="NotificationOptions.PollInterval"/>.</summary>
    /// <param name="stoppingToken">Stops the loop.</param>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(logger, e);
            }
            try
            {
                await Task.Delay(options.Value.PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: sweep when due, hand out pending events, send the mail that is due. Returns how many notices were made.</summary>
    /// <param name="cancellationToken">Cancels the round.</param>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (now - _lastSweep >= options.Value.SweepInterval)
        {
            _lastSweep = now;
            await SweepAsync(now, cancellationToken).ConfigureAwait(false);
        }

        var made = 0;
        while (true)
        {
            var (handled, notices) = await HandOutAsync(cancellationToken).ConfigureAwait(false);
            made += notices;
            if (handled < Batch)
            {
                break;
            }
        }

        if (mailer.Enabled)
        {
            await MailAsync(now, cancellationToken).ConfigureAwait(false);
        }
        return made;
    }

    /// <summary>Turns pending events into notices (at most one per key) with their recipients.</summary>
    private async Task<(int Handled, int Notices)> HandOutAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        var events = await db.NoticeEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.ProcessedAt == null)
            .OrderBy(e => e.Id).Take(Batch).ToListAsync(cancellationToken).ConfigureAwait(false);
        var made = 0;
        foreach (var group in events.GroupBy(e => e.CompanyId))
        {
            scope.ServiceProvider.GetRequiredService<CompanyContext>().Enter(CompanyScope.System(group.Key));
            foreach (var e in group)
            {
                if (await MakeAsync(db, e, cancellationToken).ConfigureAwait(false))
                {
                    made++;
                }
            }
            var ids = group.Select(e => e.Id).ToList();
            var now = time.GetUtcNow();
            await db.NoticeEvents.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.ProcessedAt, now), cancellationToken).ConfigureAwait(false);
        }
        return (events.Count, made);
    }

    private async Task<bool> MakeAsync(DocSyncDbContext db, NoticeEvent e, CancellationToken cancellationToken)
    {
        if (await db.Notices.AnyAsync(n => n.DedupKey == e.DedupKey, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var name = e.SubjectName;
        if (name.Length == 0)
        {
            name = await db.DropboxConnections.Where(c => c.Id == e.SubjectId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
                   ?? await db.CollectionChannels.Where(c => c.Id == e.SubjectId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
                   ?? "";
        }

        var notice = new Notice
        {
            Id = Guid.CreateVersion7(e.CreatedAt), CompanyId = e.CompanyId, Kind = e.Kind, SubjectId = e.SubjectId, SubjectName = name,
            Detail = e.Detail, Count = e.Count, DedupKey = e.DedupKey, CreatedAt = e.CreatedAt,
        };
        db.Notices.Add(notice);
        var right = NoticeKinds.RightFor(e.Kind);
        var members = await (from m in db.Memberships.AsNoTracking()
                             join s in db.NoticeSettings.AsNoTracking() on m.PersonId equals s.PersonId into settings
                             from s in settings.DefaultIfEmpty()
                             select new { m.PersonId, m.Role, Mail = s == null ? NoticeMail.Immediately : s.Mail })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var m in members.Where(m => RoleRights.For(m.Role).Contains(right)))
        {
            db.NoticeRecipients.Add(new NoticeRecipient { NoticeId = notice.Id, PersonId = m.PersonId, CompanyId = e.CompanyId, MailPending = mailer.Enabled && m.Mail != NoticeMail.Never });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException conflict) when (UniqueViolation.Is(conflict))
        {
            // Another instance made the notice for the same event first.
            UniqueViolation.ForgetAdded(db);
            return false;
        }
    }

    /// <summary>Sends what is due: each pending notice at once to people who chose that, a digest to the others once a day.</summary>
    private async Task MailAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        var pending = await (from r in db.NoticeRecipients.IgnoreQueryFilters()
                             join n in db.Notices.IgnoreQueryFilters() on r.NoticeId equals n.Id
                             join p in db.Users on r.PersonId equals p.Id
                             join c in db.Companies on n.CompanyId equals c.Id
                             join s in db.NoticeSettings on r.PersonId equals s.PersonId into settings
                             from s in settings.DefaultIfEmpty()
                             where r.MailPending
                             select new Pending(r, n, p.Email, p.DisplayName, p.Culture, c.Name, s == null ? NoticeMail.Immediately : s.Mail, s == null ? null : s.LastDigestAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var person in pending.GroupBy(x => x.Recipient.PersonId))
        {
            var first = person.First();
            if (first.Mail == NoticeMail.Never || string.IsNullOrEmpty(first.Email))
            {
                await DoneAsync(db, person, null, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var to = new[] { (first.Email!, first.Name) };
            if (first.Mail == NoticeMail.Immediately)
            {
                foreach (var x in person.OrderBy(x => x.Notice.CreatedAt))
                {
                    var sent = await mailer.SendAsync(to, NoticeTexts.Subject(first.Culture, x.Notice),
                        NoticeTexts.Body(first.Culture, x.Notice, x.Company, Link(x.Notice)), cancellationToken).ConfigureAwait(false);
                    if (sent > 0)
                    {
                        await DoneAsync(db, [x], now, cancellationToken).ConfigureAwait(false);
                    }
                }
                continue;
            }

            if (DigestDue(first.LastDigestAt, now))
            {
                var items = person.OrderBy(x => x.Notice.CreatedAt).ToList();
                var sent = await mailer.SendAsync(to, NoticeTexts.DigestSubject(first.Culture, items.Count),
                    NoticeTexts.DigestBody(first.Culture, items.Select(x => (x.Notice, x.Company, Link(x.Notice)))), cancellationToken).ConfigureAwait(false);
                if (sent > 0)
                {
                    await DoneAsync(db, items, now, cancellationToken).ConfigureAwait(false);
                    await db.NoticeSettings.Where(s => s.PersonId == person.Key)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastDigestAt, now), cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Whether a digest is due at <paramref name="now"/>: the digest hour has passed today and none went since.</summary>
    /// <param name="lastDigestAt">When the last one went.</param>
    /// <param name="now">Now.</param>
    public bool DigestDue(DateTimeOffset? lastDigestAt, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var todayAt = new DateTimeOffset(local.Date.AddHours(options.Value.DigestHour), local.Offset);
        var lastSlot = local >= todayAt ? todayAt : todayAt.AddDays(-1);
        return lastDigestAt is null || lastDigestAt < lastSlot;
    }

    private static async Task DoneAsync(DocSyncDbContext db, IEnumerable<Pending> items, DateTimeOffset? mailedAt, CancellationToken cancellationToken)
    {
        foreach (var x in items)
        {
            await db.NoticeRecipients.IgnoreQueryFilters().Where(r => r.NoticeId == x.Recipient.NoticeId && r.PersonId == x.Recipient.PersonId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.MailPending, false).SetProperty(r => r.MailedAt, mailedAt), cancellationToken).ConfigureAwait(false);
        }
    }

    private string Link(Notice notice)
    {
        var path = NoticeKinds.FixPath(notice.CompanyId, notice.Kind, notice.SubjectId);
        return smtp.Value.PublicUri is { } at ? new Uri(at, path.TrimStart('/')).ToString() : path;
    }

    /// <summary>
    /// What the engines write in bulk statements (export tasks giving up: one notice per connection
    /// and day) and each linked Dropbox's space (one notice a month at 90 % or more).
    /// </summary>
    private async Task SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        var since = now.AddDays(-1);
        var events = new List<NoticeEvent>();
        var dead = await db.SyncTasks.IgnoreQueryFilters().AsNoTracking().Where(t => t.DeadAt != null && t.DeadAt >= since)
            .Select(t => new { t.CompanyId, t.ConnectionId, DeadAt = t.DeadAt!.Value }).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var day in dead.GroupBy(t => (t.CompanyId, t.ConnectionId, Day: t.DeadAt.UtcDateTime.Date)))
        {
            events.Add(NoticeDetector.DeadLetters(day.Key.CompanyId, day.Key.ConnectionId, day.Count(), day.Max(t => t.DeadAt), now));
        }

        var connections = await db.DropboxConnections.IgnoreQueryFilters().AsNoTracking().Where(c => c.State == ConnectionState.Active)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // All at once: each waits at most DropboxSpace.Budget; an answer arriving later serves the next sweep.
        var figures = await Task.WhenAll(connections.Select(c => space.GetAsync(c, cancellationToken))).ConfigureAwait(false);
        for (var i = 0; i < connections.Count; i++)
        {
            if (figures[i] is { NearlyFull: true } figure)
            {
                events.Add(NoticeDetector.NearlyFull(connections[i].CompanyId, connections[i].Id, (int)Math.Round(figure.Fraction * 100), now));
            }
        }

        // Each company's events are saved in its own scope (the save refuses rows of another company).
        foreach (var company in events.GroupBy(e => e.CompanyId))
        {
            scope.ServiceProvider.GetRequiredService<CompanyContext>().Enter(CompanyScope.System(company.Key));
            db.NoticeEvents.AddRange(company);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        var old = now.AddDays(-30);
        await db.NoticeEvents.IgnoreQueryFilters().Where(e => e.ProcessedAt != null && e.ProcessedAt < old).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 9201, Level = LogLevel.Warning, Message = "A notification round failed; the next one tries again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    private sealed record Pending(NoticeRecipient Recipient, Notice Notice, string? Email, string Name, string Culture, string Company, NoticeMail Mail, DateTimeOffset? LastDigestAt);
}
