using DocSync.Core.Access;
using DocSync.Core.Errors;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Notifications;

/// <summary>A person's notices in the current company (the notification centre): only those of kinds their role may act on.</summary>
/// <param name="Notice">The notice.</param>
/// <param name="ReadAt">When the person read it.</param>
/// <param name="FixPath">The page that fixes it.</param>
public sealed record NoticeView(Notice Notice, DateTimeOffset? ReadAt, string FixPath);

/// <summary>The signed-in person's notification centre in the current company, and their e-mail choice.</summary>
public sealed class NotificationCenter(DocSyncDbContext db, ICompanyContext company, TimeProvider time)
{
    /// <summary>How many notices the person has not read.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<int> UnreadAsync(CancellationToken cancellationToken = default) =>
        await Mine().CountAsync(x => x.Recipient.ReadAt == null, cancellationToken).ConfigureAwait(false);

    /// <summary>The person's notices, newest first.</summary>
    /// <param name="take">At most this many.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IReadOnlyList<NoticeView>> ListAsync(int take = 100, CancellationToken cancellationToken = default)
    {
        var rows = await Mine().OrderByDescending(x => x.Notice.CreatedAt).Take(take).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(x => new NoticeView(x.Notice, x.Recipient.ReadAt, NoticeKinds.FixPath(x.Notice.CompanyId, x.Notice.Kind, x.Notice.SubjectId)))];
    }

    /// <summary>Marks one notice read; another person's or company's is not found.</summary>
    /// <param name="noticeId">The notice.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task MarkReadAsync(Guid noticeId, CancellationToken cancellationToken = default)
    {
        var kinds = Kinds();
        var person = Person();
        var recipient = await (from r in db.NoticeRecipients
                               join n in db.Notices on r.NoticeId equals n.Id
                               where r.NoticeId == noticeId && r.PersonId == person && kinds.Contains(n.Kind)
                               select r).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
                        ?? throw new NotFoundException("notice", noticeId);
        recipient.ReadAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks every notice of the person in this company read; returns how many were unread.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<int> MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        var person = Person();
        var now = time.GetUtcNow();
        return await db.NoticeRecipients.Where(r => r.PersonId == person && r.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReadAt, now), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How the person wants notices e-mailed.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<NoticeMail> MailAsync(CancellationToken cancellationToken = default)
    {
        var person = Person();
        return await db.NoticeSettings.AsNoTracking().Where(s => s.PersonId == person).Select(s => (NoticeMail?)s.Mail)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? NoticeMail.Immediately;
    }

    /// <summary>Sets how the person wants notices e-mailed (in every company).</summary>
    /// <param name="mail">The choice.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task SetMailAsync(NoticeMail mail, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(mail))
        {
            throw new ValidationFailedException("mail", "invalid", "Choose immediately, a daily digest or never.");
        }
        var person = Person();
        var settings = await db.NoticeSettings.SingleOrDefaultAsync(s => s.PersonId == person, cancellationToken).ConfigureAwait(false);
        if (settings is null)
        {
            settings = new NoticeSettings { PersonId = person, LastDigestAt = time.GetUtcNow() };
            db.NoticeSettings.Add(settings);
        }
        settings.Mail = mail;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private IQueryable<Row> Mine()
    {
        var kinds = Kinds();
        var person = Person();
        return from r in db.NoticeRecipients.AsNoTracking()
               join n in db.Notices.AsNoTracking() on r.NoticeId equals n.Id
               where r.PersonId == person && kinds.Contains(n.Kind)
               select new Row { Notice = n, Recipient = r };
    }

    private List<NoticeKind> Kinds() => [.. Enum.GetValues<NoticeKind>().Where(k => company.Has(NoticeKinds.RightFor(k)))];

    private Guid Person() => company.Actor.Kind == ActorKind.Person ? company.Actor.Id : throw new AccessDeniedException(Companies.Right.ViewDocuments);

    private sealed class Row
    {
        public required Notice Notice { get; init; }

        public required NoticeRecipient Recipient { get; init; }
    }
}
