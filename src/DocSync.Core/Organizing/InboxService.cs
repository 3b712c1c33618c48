using DocSync.Core.Access;
using DocSync.Core.Blobs;
using DocSync.Core.Companies;
using DocSync.Core.Documents;
using DocSync.Core.Errors;
using DocSync.Core.Persistence;
using DocSync.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DocSync.Core.Organizing;

/// <summary>
/// The current company's inbox (bannette): files arrive (upload, API, Dropbox collection), wait,
/// and become documents or are rejected. A file with a source identity is received exactly once.
/// </summary>
public sealed partial class InboxService(
    DocSyncDbContext db,
    ICompanyContext company,
    BlobStore blobs,
    DocumentService documents,
    InboxReadingSignal readingSignal,
    TimeProvider time,
    ILogger<InboxService> logger)
{
    /// <summary>
    /// Stores a file and adds it to the inbox as <see cref="InboxItemStatus.Pending"/>. A repeated
    /// (source, <paramref name="sourceRef"/>) in the company returns the item received first
    /// (<see cref="InboxReceipt.Replayed"/>) and stores nothing, even when the calls race. Needs
    /// <see cref="Right.ProcessInbox"/>, or DocSync itself acting (collection).
    /// </summary>
    /// <param name="source">How the file arrives.</param>
    /// <param name="sourceRef">Its identity at the source (e.g. the Dropbox file id), 1 to 200 printable characters; <see langword="null"/> for none (never collapsed).</param>
    /// <param name="fileName">Its name: 1 to 255 characters, no directories, no control characters.</param>
    /// <param name="contentType">Its media type, e.g. <c>application/pdf</c>.</param>
    /// <param name="content">The bytes, read once to the end; not empty.</param>
    /// <param name="binderId">Binder the resulting document goes to; must exist in the company.</param>
    /// <param name="assigneeId">Person who should process it; must be a member of the company.</param>
    /// <param name="reading">What reading the file gave (text, fields), when it was read before it arrived.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<InboxReceipt> ReceiveAsync(InboxSource source, string? sourceRef, string fileName, string contentType, Stream content,
        Guid? binderId = null, Guid? assigneeId = null, InboxReading? reading = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var companyId = company.CompanyId;
        if (company.Actor.Kind != ActorKind.System)
        {
            company.Demand(Right.ProcessInbox);
        }

        ThrowIfAny(CheckReceive(source, sourceRef, fileName, contentType));
        if (sourceRef is not null && await FindBySourceAsync(source, sourceRef, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            OrganizingLog.InboxItemReplayed(logger, earlier.Id, source, companyId);
            return new InboxReceipt(earlier, Replayed: true);
        }

        var errors = new List<ValidationError>();
        await CheckTargetsAsync(errors, binderId, assigneeId, cancellationToken).ConfigureAwait(false);
        ThrowIfAny(errors);
        var blob = await blobs.WriteAsync(content, cancellationToken).ConfigureAwait(false);
        if (blob.Length == 0)
        {
            throw new ValidationFailedException("content", "empty", "The file is empty.");
        }

        var now = time.GetUtcNow();
        var item = new InboxItem
        {
            Id = Guid.CreateVersion7(now),
            CompanyId = companyId,
            Source = source,
            SourceRef = sourceRef,
            FileName = fileName.Normalize(),
            ContentType = contentType,
            Sha256 = blob.Sha256,
            Length = blob.Length,
            Status = InboxItemStatus.Pending,
            BinderId = binderId,
            AssigneeId = assigneeId,
            ReceivedAt = now,
        };
        if (reading is not null)
        {
            ApplyReading(item, reading);
            await FlagDuplicateAsync(item, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            item.SearchKey = SearchText.Fold(item.FileName);
        }
        db.InboxItems.Add(item);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (sourceRef is not null && UniqueViolation.Is(e))
        {
            // A concurrent receive of the same source identity won the unique index: answer with its item.
            UniqueViolation.ForgetAdded(db);
            var winner = await FindBySourceAsync(source, sourceRef, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The inbox item could not be saved.", e);
            OrganizingLog.InboxItemReplayed(logger, winner.Id, source, companyId);
            return new InboxReceipt(winner, Replayed: true);
        }

        OrganizingLog.InboxItemReceived(logger, item.Id, source, item.CompanyId);
        if (reading is null)
        {
            readingSignal.Notify();
        }
        return new InboxReceipt(InboxItemInfo.From(item), Replayed: false);
    }

    /// <summary>Lists the inbox, newest first. Needs <see cref="Right.ViewDocuments"/>.</summary>
    /// <param name="query">Filters and paging.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<PagedResult<InboxItemInfo>> ListAsync(InboxQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        company.Demand(Right.ViewDocuments);
        if (Paging.Check(query.Page, query.PageSize, InboxQuery.MaxPageSize).ToList() is { Count: > 0 } pageErrors)
        {
            throw new ValidationFailedException(pageErrors);
        }

        var items = db.InboxItems.AsNoTracking();
        if (query.Status is { } status)
        {
            items = items.Where(i => i.Status == status);
        }

        if (query.BinderId is { } binderId)
        {
            items = items.Where(i => i.BinderId == binderId);
        }

        if (query.AssigneeId is { } assigneeId)
        {
            items = items.Where(i => i.AssigneeId == assigneeId);
        }

        if (query.Source is { } source)
        {
            items = items.Where(i => i.Source == source);
        }

        // Every word must appear, in any order.
        foreach (var word in SearchText.Fold(query.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(10))
        {
            items = items.Where(i => i.SearchKey.Contains(word));
        }

        if (query.DuplicatesOnly)
        {
            items = items.Where(i => i.DuplicateOfItemId != null || i.DuplicateOfDocumentId != null);
        }

        var total = await items.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await items
            .OrderByDescending(i => i.ReceivedAt).ThenByDescending(i => i.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<InboxItemInfo>(page.Select(InboxItemInfo.From).ToList(), query.Page, query.PageSize, total);
    }

    /// <summary>One inbox item. Needs <see cref="Right.ViewDocuments"/>.</summary>
    /// <param name="itemId">The item.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<InboxItemInfo> GetAsync(Guid itemId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ViewDocuments);
        var item = await db.InboxItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("inbox item", itemId);
        return InboxItemInfo.From(item);
    }

    /// <summary>Opens an inbox item's file; the caller disposes the stream. Needs <see cref="Right.ViewDocuments"/>.</summary>
    /// <param name="itemId">The item.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<(InboxItemInfo Item, Stream Content)> OpenContentAsync(Guid itemId, CancellationToken cancellationToken = default)
    {
        var item = await GetAsync(itemId, cancellationToken).ConfigureAwait(false);
        return (item, blobs.OpenRead(item.Sha256));
    }

    private static IEnumerable<ValidationError> CheckReceive(InboxSource source, string? sourceRef, string fileName, string contentType)
    {
        if (!Enum.IsDefined(source))
        {
            yield return new("source", "unknown-source", "The source is upload, api or collect.");
        }

        if (sourceRef is not null && (sourceRef.Length is 0 or > 200 || sourceRef.Any(char.IsControl)))
        {
            yield return new("sourceRef", "source-ref", "A source reference has 1 to 200 printable characters.");
        }

        if (FileRules.NameError(fileName) is { } nameError)
        {
            yield return new("fileName", "file-name", nameError);
        }

        if (!FileRules.IsMediaType(contentType))
        {
            yield return new("contentType", "content-type", "The content type is a media type such as application/pdf.");
        }
    }

    private async Task CheckTargetsAsync(List<ValidationError> errors, Guid? binderId, Guid? assigneeId, CancellationToken cancellationToken)
    {
        // The company filter confines both lookups: another company's binder or member reads as absent.
        if (binderId is { } binder && !await db.Binders.AnyAsync(b => b.Id == binder, cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new("binderId", "not-found", "No such binder in this company."));
        }

        if (assigneeId is { } person && !await db.Memberships.AnyAsync(m => m.PersonId == person, cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new("assigneeId", "not-a-member", "The assignee is not a member of this company."));
        }
    }

    private async Task<InboxItemInfo?> FindBySourceAsync(InboxSource source, string sourceRef, CancellationToken cancellationToken)
    {
        var item = await db.InboxItems.AsNoTracking()
            .SingleOrDefaultAsync(i => i.Source == source && i.SourceRef == sourceRef, cancellationToken).ConfigureAwait(false);
        return item is null ? null : InboxItemInfo.From(item);
    }

    private static void ThrowIfAny(IEnumerable<ValidationError> errors)
    {
        var list = errors as IReadOnlyList<ValidationError> ?? errors.ToList();
        if (list.Count > 0)
        {
            throw new ValidationFailedException(list);
        }
    }
}
