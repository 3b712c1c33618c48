using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Errors;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Documents;

public sealed partial class DocumentService
{
    /// <summary>The latest version of a document. Needs <see cref="Right.ViewDocuments"/>.</summary>
    /// <param name="documentId">The document.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<DocumentView> GetAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ViewDocuments);
        var current = await db.Documents.AsNoTracking()
            .Where(d => d.Id == documentId && d.DeletedAt == null)
            .Select(d => (int?)d.CurrentVersion)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("document", documentId);
        return await GetVersionAsync(documentId, current, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One version of a document, old ones included. Needs <see cref="Right.ViewDocuments"/>.</summary>
    /// <param name="documentId">The document.</param>
    /// <param name="version">The version number.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<DocumentView> GetVersionAsync(Guid documentId, int version, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ViewDocuments);
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.DeletedAt == null, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("document", documentId);
        var row = await db.DocumentVersions.AsNoTracking()
            .SingleOrDefaultAsync(v => v.DocumentId == documentId && v.Number == version, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("document version", $"{documentId}/{version}");
        var files = await db.DocumentFiles.AsNoTracking()
            .Where(f => f.DocumentId == documentId && f.AddedInVersion <= version && (f.RemovedInVersion == null || f.RemovedInVersion > version))
            .OrderBy(f => f.AddedInVersion).ThenBy(f => f.FileName)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new DocumentView(document.Id, row.Number, document.CurrentVersion, row.Status, row.BinderId, row.Content,
            files.Select(DocumentFileView.From).ToList(), document.CreatedAt, row.CreatedAt);
    }

    /// <summary>A document's history, oldest first. Needs <see cref="Right.ViewDocuments"/>.</summary>
    /// <param name="documentId">The document.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IReadOnlyList<DocumentVersionInfo>> ListVersionsAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ViewDocuments);
        var versions = await db.DocumentVersions.AsNoTracking()
            .Where(v => v.DocumentId == documentId)
            .OrderBy(v => v.Number)
            .Select(v => new { v.Number, v.Status, v.CreatedAt, v.CreatedBy })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (versions.Count == 0)
        {
            throw new NotFoundException("document", documentId);
        }

        var actors = versions.Select(v => ParseActor(v.CreatedBy)).ToList();
        var names = await Auditing.ActorNames.ResolveAsync(db, actors, cancellationToken).ConfigureAwait(false);
        return versions.Select((v, i) => new DocumentVersionInfo(v.Number, v.Status, v.CreatedAt, v.CreatedBy,
            Auditing.ActorNames.NameOf(names, actors[i].Kind, actors[i].Id))).ToList();
    }

    /// <summary>Opens a file of a document (any version). Needs <see cref="Right.ViewDocuments"/>.</summary>
    /// <param name="documentId">The document.</param>
    /// <param name="fileId">The file.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<(DocumentFileView File, Stream Content)> OpenFileAsync(Guid documentId, Guid fileId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ViewDocuments);
        var file = await db.DocumentFiles.AsNoTracking()
            .SingleOrDefaultAsync(f => f.Id == fileId && f.DocumentId == documentId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("file", fileId);
        return (DocumentFileView.From(file), blobs.OpenRead(file.Sha256));
    }

    /// <summary>Lists documents, newest issue date first. Needs <see cref="Right.ViewDocuments"/>.</summary>
    /// <param name="query">Filters and paging.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<PagedResult<DocumentSummary>> ListAsync(DocumentQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        company.Demand(Right.ViewDocuments);
        if (Paging.Check(query.Page, query.PageSize, DocumentQuery.MaxPageSize).ToList() is { Count: > 0 } pageErrors)
        {
            throw new ValidationFailedException(pageErrors);
        }

        var documents = db.Documents.AsNoTracking().Where(d => d.DeletedAt == null);
        if (query.Type is { } type)
        {
            documents = documents.Where(d => d.Type == type);
        }

        if (query.Status is { } status)
        {
            documents = documents.Where(d => d.Status == status);
        }

        if (query.BinderId is { } binderId)
        {
            documents = documents.Where(d => d.BinderId == binderId);
        }

        if (query.IssuedFrom is { } from)
        {
            documents = documents.Where(d => d.IssueDate >= from);
        }

        if (query.IssuedTo is { } to)
        {
            documents = documents.Where(d => d.IssueDate <= to);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // Folded the same way as the stored key, so "ecole" and "ÉCOLE" find "École" on every database.
            var term = SearchText.Fold(query.Search.Trim());
            documents = documents.Where(d => d.SearchKey.Contains(term));
        }

        var total = await documents.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await documents
            .OrderByDescending(d => d.IssueDate).ThenByDescending(d => d.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(d => new DocumentSummary(d.Id, d.CurrentVersion, d.Type, d.Number, d.Status, d.IssueDate, d.DueDate,
                d.Currency, d.TotalInclVat, d.SellerName, d.BuyerName, d.BinderId, d.UpdatedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<DocumentSummary>(items, query.Page, query.PageSize, total);
    }

    private static (ActorKind Kind, Guid Id) ParseActor(string createdBy) => createdBy.Split(':', 2) switch
    {
        ["person", var id] when Guid.TryParse(id, out var person) => (ActorKind.Person, person),
        ["api-key", var id] when Guid.TryParse(id, out var key) => (ActorKind.ApiKey, key),
        _ => (ActorKind.System, Guid.Empty),
    };
}
