using System.Security.Cryptography;
using System.Text.Json;
using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Errors;
using DocSync.Core.Logging;
using DocSync.Core.Persistence;
using DocSync.Core.Persistence.Configurations;
using DocSync.Core.Rendering;
using DocSync.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DocSync.Core.Documents;

/// <summary>
/// Creates, changes and reads the current company's documents. Every change is one new
/// <see cref="DocumentVersion"/>, saved in one transaction with its audit entries and outbox message.
/// </summary>
public sealed partial class DocumentService(
    DocSyncDbContext db,
    ICompanyContext company,
    Blobs.BlobStore blobs,
    DocumentPdfRenderer renderer,
    TimeProvider time,
    ILogger<DocumentService> logger)
{
    private readonly DocumentFileIntake _intake = new(blobs);

    /// <summary>
    /// Creates a document (version 1). Without a file of kind <see cref="DocumentFileKind.Pdf"/>,
    /// DocSync renders one (<see cref="DocumentPdfRenderer"/>) and marks it
    /// <see cref="DocumentFile.Generated"/>. With an idempotency key already used: the same payload
    /// returns the first result (<see cref="CreateDocumentResult.Replayed"/>, nothing rendered again),
    /// another payload throws <see cref="ConflictException"/>. Needs <see cref="Right.EditDocuments"/>.
    /// </summary>
    /// <param name="request">The document.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<CreateDocumentResult> CreateAsync(CreateDocumentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        company.Demand(Right.EditDocuments);
        var errors = CheckRequest(request.Content, request.Status, request.Files, "files", Today()).ToList();
        if (request.IdempotencyKey is { } key && (key.Length is 0 or > 200 || key.Any(char.IsControl)))
        {
            errors.Add(new("idempotencyKey", "idempotency-key", "An idempotency key has 1 to 200 printable characters."));
        }

        await CheckBinderAsync(errors, request.BinderId, cancellationToken).ConfigureAwait(false);
        ThrowIfAny(errors);

        var files = await _intake.StoreAsync(request.Files, "files", cancellationToken).ConfigureAwait(false);
        CheckSingletons(files);
        var hash = RequestHash(request, files);
        if (request.IdempotencyKey is { } idempotencyKey
            && await ReplayAsync(idempotencyKey, hash, cancellationToken).ConfigureAwait(false) is { } replay)
        {
            return replay;
        }

        try
        {
            await DemandFreeNumberAsync(request.Content.Type, request.Content.Number, null, cancellationToken).ConfigureAwait(false);
        }
        catch (ConflictException) when (request.IdempotencyKey is not null)
        {
            // A concurrent request with the same key may have made this very document a moment ago: answer as it did.
            if (await ReplayAsync(request.IdempotencyKey, hash, cancellationToken).ConfigureAwait(false) is { } raced)
            {
                return raced;
            }

            throw;
        }

        var now = time.GetUtcNow();
        var document = new Document
        {
            Id = Guid.CreateVersion7(now),
            CompanyId = company.CompanyId,
            Number = request.Content.Number,
            NumberKey = request.Content.Number,
            Currency = request.Content.Currency,
            SellerName = request.Content.Seller.Name,
            CurrentVersion = 1,
            Status = request.Status,
            BinderId = request.BinderId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        document.Summarize(request.Content);
        db.Documents.Add(document);
        db.DocumentVersions.Add(NewVersion(document, request.Content, now));
        AddFiles(document, files, now);
        if (!files.Any(f => f.Kind == DocumentFileKind.Pdf))
        {
            // Rendered after the replay check, so a replay renders nothing; the request hash covers
            // only what the host sent.
            AddFiles(document, [await RenderPdfAsync(document, request.Content, cancellationToken).ConfigureAwait(false)], now);
        }

        if (request.IdempotencyKey is { } newKey)
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                Id = Guid.CreateVersion7(now),
                CompanyId = company.CompanyId,
                Key = newKey,
                RequestHash = hash,
                DocumentId = document.Id,
                CreatedAt = now,
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException) when (request.IdempotencyKey is { } raced)
        {
            // A concurrent request with the same key won the unique index: answer as it did.
            db.ChangeTracker.Clear();
            if (await ReplayAsync(raced, hash, cancellationToken).ConfigureAwait(false) is { } replayed)
            {
                return replayed;
            }

            await ThrowIfNumberTakenAsync(request.Content, cancellationToken).ConfigureAwait(false);
            throw;
        }
        catch (DbUpdateException e) when (IsNumberClash(e))
        {
            // A concurrent request may have taken the number between the check and the save.
            db.ChangeTracker.Clear();
            await ThrowIfNumberTakenAsync(request.Content, cancellationToken).ConfigureAwait(false);
            throw;
        }

        Log.DocumentCreated(logger, document.Type, document.Id, document.CompanyId);
        return new CreateDocumentResult(await GetVersionAsync(document.Id, 1, cancellationToken).ConfigureAwait(false), Replayed: false);
    }

    private async Task ThrowIfNumberTakenAsync(DocumentContent content, CancellationToken cancellationToken)
    {
        if (await NumberTakenAsync(content.Type, content.Number, null, cancellationToken).ConfigureAwait(false))
        {
            throw NumberTaken(content.Number);
        }
    }

    private async Task<CreateDocumentResult?> ReplayAsync(string key, string hash, CancellationToken cancellationToken)
    {
        var record = await db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Key == key, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        if (record.RequestHash != hash)
        {
            throw new ConflictException("idempotencyKey", "idempotency-key-reused",
                "This idempotency key was already used with a different document; use a new key for a new document.");
        }

        Log.IdempotentReplay(logger, record.DocumentId, company.CompanyId);
        return new CreateDocumentResult(await GetVersionAsync(record.DocumentId, 1, cancellationToken).ConfigureAwait(false), Replayed: true);
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static IEnumerable<ValidationError> CheckRequest(DocumentContent content, DocumentStatus status, IReadOnlyList<DocumentFileUpload> files, string filesField, DateOnly today)
    {
        if (content is null)
        {
            return [new ValidationError("content", "required", "The document content is required.")];
        }

        var errors = DocumentValidator.Validate(content).ToList();
        errors.AddRange(DocumentDates.Check(content, today));
        if (!Enum.IsDefined(status))
        {
            errors.Add(new("status", "unknown-status", "The status is draft, final, sent, paid or cancelled."));
        }

        errors.AddRange(DocumentFileIntake.CheckNames(files ?? [], filesField));
        return errors;
    }

    private async Task CheckBinderAsync(List<ValidationError> errors, Guid? binderId, CancellationToken cancellationToken)
    {
        // The filter confines this to the current company: another company's binder reads as absent.
        if (binderId is { } id && !await db.Binders.AnyAsync(b => b.Id == id, cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new("binderId", "not-found", "No such binder in this company."));
        }
    }

    private static void CheckSingletons(IEnumerable<DocumentFileIntake.StoredFile> files)
    {
        foreach (var kind in new[] { DocumentFileKind.Pdf, DocumentFileKind.Ubl })
        {
            if (files.Count(f => f.Kind == kind) > 1)
            {
                throw new ValidationFailedException("files", "one-" + kind.ToString().ToLowerInvariant(), $"A document version has at most one {kind} file.");
            }
        }
    }

    private static void ThrowIfAny(List<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }

    private DocumentVersion NewVersion(Document document, DocumentContent content, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CompanyId = document.CompanyId,
        DocumentId = document.Id,
        Number = document.CurrentVersion,
        Status = document.Status,
        BinderId = document.BinderId,
        Content = content,
        CreatedAt = now,
        CreatedBy = company.Actor.Kind switch
        {
            ActorKind.Person => $"person:{company.Actor.Id}",
            ActorKind.ApiKey => $"api-key:{company.Actor.Id}",
            _ => "system",
        },
    };

    private void AddFiles(Document document, IEnumerable<DocumentFileIntake.StoredFile> files, DateTimeOffset now)
    {
        foreach (var file in files)
        {
            db.DocumentFiles.Add(new DocumentFile
            {
                Id = Guid.CreateVersion7(now),
                CompanyId = document.CompanyId,
                DocumentId = document.Id,
                Kind = file.Kind,
                FileName = file.FileName,
                ContentType = file.ContentType,
                Sha256 = file.Blob.Sha256,
                Length = file.Blob.Length,
                Generated = file.Generated,
                AddedInVersion = document.CurrentVersion,
                CreatedAt = now,
            });
        }
    }

    private static string RequestHash(CreateDocumentRequest request, IEnumerable<DocumentFileIntake.StoredFile> files)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new
        {
            request.Content,
            request.Status,
            request.BinderId,
            Files = files.Select(f => new { f.Kind, f.FileName, f.ContentType, f.Blob.Sha256 }),
        }, DocumentContentJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(payload));
    }
}
