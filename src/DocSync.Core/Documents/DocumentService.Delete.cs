using DocSync.Core.Companies;
using DocSync.Core.Errors;
using DocSync.Core.Outbox;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Documents;

public sealed partial class DocumentService
{
    /// <summary>
    /// Deletes a document: it leaves every list and lookup, its versions and files are kept, and the
    /// export profiles hear of it (they delete its files in Dropbox only when set to). Needs
    /// <see cref="Right.EditDocuments"/>; a document already deleted is not found.
    /// </summary>
    /// <param name="documentId">The document.</param>
    /// <param name="expectedVersion">When given, the delete happens only if the document is still at this version.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task DeleteAsync(Guid documentId, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.EditDocuments);
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId && d.DeletedAt == null, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("document", documentId);
        if (expectedVersion is { } expected && expected != document.CurrentVersion)
        {
            throw new ConflictException("expectedVersion", "version-conflict",
                $"The document is at version {document.CurrentVersion}, not {expected}; reload it and try again.");
        }

        var now = time.GetUtcNow();
        document.DeletedAt = now;
        document.NumberKey = null;
        db.OutboxMessages.Add(new OutboxMessage
        {
            CompanyId = document.CompanyId,
            Topic = OutboxTopics.DocumentDeleted,
            EntityId = document.Id,
            Version = document.CurrentVersion,
            CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("expectedVersion", "version-conflict", "The document changed meanwhile; reload it and try again.");
        }
    }
}
