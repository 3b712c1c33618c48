using System.Text.Json;
using DocSync.Core.Companies;
using DocSync.Core.Errors;
using DocSync.Core.Logging;
using DocSync.Core.Persistence.Configurations;
using DocSync.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Documents;

public sealed partial class DocumentService
{
    /// <summary>
    /// Makes a new version of a document (older versions stay as they were). An update that changes
    /// nothing makes no version. The new version's PDF: one the update adds replaces a generated PDF
    /// (no need to list it in <see cref="UpdateDocumentRequest.RemoveFileIds"/>); otherwise a
    /// generated PDF is kept while the content is unchanged and rendered afresh when it changed, and
    /// a version left without any PDF gets a generated one. Throws <see cref="NotFoundException"/> for an id outside the current
    /// company and <see cref="ConflictException"/> when <see cref="UpdateDocumentRequest.ExpectedVersion"/>
    /// is stale or another update won the race. Needs <see cref="Right.EditDocuments"/>.
    /// </summary>
    /// <param name="documentId">The document.</param>
    /// <param name="request">The new state.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<DocumentView> UpdateAsync(Guid documentId, UpdateDocumentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        company.Demand(Right.EditDocuments);
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId && d.DeletedAt == null, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("document", documentId);
        if (request.ExpectedVersion is { } expected && expected != document.CurrentVersion)
        {
            throw new ConflictException("expectedVersion", "version-conflict",
                $"The document is at version {document.CurrentVersion}, not {expected}; reload it and try again.");
        }

        var errors = CheckRequest(request.Content, request.Status, request.AddFiles, "addFiles", Today()).ToList();
        await CheckBinderAsync(errors, request.BinderId, cancellationToken).ConfigureAwait(false);
        var current = await db.DocumentFiles
            .Where(f => f.DocumentId == documentId && f.RemovedInVersion == null)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < request.RemoveFileIds.Count; i++)
        {
            if (current.All(f => f.Id != request.RemoveFileIds[i]))
            {
                errors.Add(new($"removeFileIds[{i}]", "not-found", "No such file in the document's current version."));
            }
        }

        ThrowIfAny(errors);

        // A duplicate made before numbers were checked keeps its number until it is renumbered.
        var keepsNumber = request.Content.Type == document.Type && request.Content.Number == document.Number;
        var numberKey = keepsNumber && document.NumberKey is null ? null : request.Content.Number;
        if (numberKey is not null && !(keepsNumber && document.NumberKey == numberKey))
        {
            await DemandFreeNumberAsync(request.Content.Type, numberKey, document.Id, cancellationToken).ConfigureAwait(false);
        }

        var added = (await _intake.StoreAsync(request.AddFiles, "addFiles", cancellationToken).ConfigureAwait(false)).ToList();
        var removed = current.Where(f => request.RemoveFileIds.Contains(f.Id)).ToList();
        if (added.Any(f => f.Kind == DocumentFileKind.Pdf))
        {
            removed.AddRange(current.Where(f => f is { Kind: DocumentFileKind.Pdf, Generated: true } && !removed.Contains(f)));
        }

        var kept = current.Except(removed).ToList();
        CheckSingletons(kept.Select(f => new DocumentFileIntake.StoredFile(f.Kind, f.FileName, f.ContentType, new(f.Sha256, f.Length))).Concat(added));

        var latest = await db.DocumentVersions.AsNoTracking()
            .SingleAsync(v => v.DocumentId == documentId && v.Number == document.CurrentVersion, cancellationToken).ConfigureAwait(false);
        var contentChanged = JsonSerializer.Serialize(latest.Content, DocumentContentJson.Options) != JsonSerializer.Serialize(request.Content, DocumentContentJson.Options);
        if (added.Count == 0 && removed.Count == 0 && !contentChanged && latest.Status == request.Status && latest.BinderId == request.BinderId)
        {
            return await GetAsync(documentId, cancellationToken).ConfigureAwait(false);
        }

        var now = time.GetUtcNow();
        document.CurrentVersion++;
        document.Summarize(request.Content);
        document.NumberKey = numberKey;
        document.Status = request.Status;
        document.BinderId = request.BinderId;
        document.UpdatedAt = now;
        db.DocumentVersions.Add(NewVersion(document, request.Content, now));
        if (!added.Any(f => f.Kind == DocumentFileKind.Pdf) && kept.FirstOrDefault(f => f.Kind == DocumentFileKind.Pdf) is var pdf
            && (pdf is null || (pdf.Generated && contentChanged)))
        {
            // A generated PDF shows the content of its version: a new content gets a new rendering.
            if (pdf is not null)
            {
                removed.Add(pdf);
            }

            added.Add(await RenderPdfAsync(document, request.Content, cancellationToken).ConfigureAwait(false));
        }

        foreach (var file in removed)
        {
            file.RemovedInVersion = document.CurrentVersion;
        }

        AddFiles(document, added, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e)
        {
            db.ChangeTracker.Clear();
            if (e is not DbUpdateConcurrencyException && numberKey is not null
                && await NumberTakenAsync(request.Content.Type, numberKey, document.Id, CancellationToken.None).ConfigureAwait(false))
            {
                throw NumberTaken(numberKey);
            }

            if (e is DbUpdateConcurrencyException || IsVersionClash(e))
            {
                throw new ConflictException("expectedVersion", "version-conflict",
                    "Another change to this document was saved first; reload it and try again.");
            }

            throw;
        }

        Log.DocumentUpdated(logger, document.Id, document.CurrentVersion, document.CompanyId);
        return await GetAsync(documentId, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsVersionClash(DbUpdateException e) =>
        e.Entries.Any(entry => entry.Entity is DocumentVersion or Document);
}
