using DocSync.Core.Companies;
using DocSync.Core.Documents;
using DocSync.Core.Errors;
using DocSync.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Organizing;

public sealed partial class InboxService
{
    /// <summary>Longest rejection reason.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>
    /// Sets who should process a pending item and which binder its document goes to
    /// (<see langword="null"/> clears either). Needs <see cref="Right.ProcessInbox"/>.
    /// </summary>
    /// <param name="itemId">The item.</param>
    /// <param name="assigneeId">A member of the company, or <see langword="null"/>.</param>
    /// <param name="binderId">A binder of the company, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<InboxItemInfo> AssignAsync(Guid itemId, Guid? assigneeId, Guid? binderId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ProcessInbox);
        var item = await FindPendingAsync(itemId, cancellationToken).ConfigureAwait(false);
        var errors = new List<ValidationError>();
        await CheckTargetsAsync(errors, binderId, assigneeId, cancellationToken).ConfigureAwait(false);
        ThrowIfAny(errors);
        item.AssigneeId = assigneeId;
        item.BinderId = binderId;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return InboxItemInfo.From(item);
    }

    /// <summary>
    /// Turns a pending item into a document (version 1) whose main file is the item's file, kept as it is: as
    /// its PDF when the bytes are a PDF (an attached e-invoice stays inside it), as its UBL when they are a UBL
    /// e-invoice (DocSync renders a readable PDF beside it), else as an attachment; filed in the item's binder; the item
    /// becomes <see cref="InboxItemStatus.Processed"/>. An item makes at most one document, even
    /// when conversions race: a second conversion throws <see cref="ConflictException"/>. Needs
    /// <see cref="Right.ProcessInbox"/> and (to create the document) <see cref="Right.EditDocuments"/>.
    /// </summary>
    /// <param name="itemId">The item.</param>
    /// <param name="content">What the document says; validated as for any new document.</param>
    /// <param name="status">The document's status.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<DocumentView> ConvertAsync(Guid itemId, DocumentContent content, DocumentStatus status = DocumentStatus.Draft,
        CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ProcessInbox);
        var item = await FindPendingAsync(itemId, cancellationToken).ConfigureAwait(false);
        var kind = await MainFileKindAsync(item.Sha256, cancellationToken).ConfigureAwait(false);
        var contentType = kind == DocumentFileKind.Ubl ? "application/xml" : item.ContentType;
        CreateDocumentResult created;
        await using (var file = blobs.OpenRead(item.Sha256))
        {
            try
            {
                // The idempotency key ties the document to the item: of two racing conversions one
                // creates the document, the other replays it (or is refused for other content).
                created = await documents.CreateAsync(new CreateDocumentRequest
                {
                    Content = content,
                    Status = status,
                    BinderId = item.BinderId,
                    Files = [new DocumentFileUpload(kind, item.FileName, contentType, file)],
                    IdempotencyKey = ConversionKey(itemId),
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (ConflictException e) when (e.Field == "idempotencyKey")
            {
                throw NotPending(itemId, InboxItemStatus.Processed);
            }
            catch (ValidationFailedException e) when (e.Errors.Any(error => error.Field.StartsWith("files[", StringComparison.Ordinal)))
            {
                // The caller sent no files: a refused file is the item itself.
                throw new ValidationFailedException(e.Errors
                    .Select(error => error.Field.StartsWith("files[", StringComparison.Ordinal) ? error with { Field = "id" } : error)
                    .ToList());
            }
        }

        // A replay means another conversion made the document; it may not have marked the item yet
        // (or it stopped before doing so, and this call finishes its work).
        if (created.Replayed)
        {
            var current = await db.InboxItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => i.Status)
                .SingleAsync(cancellationToken).ConfigureAwait(false);
            if (current != InboxItemStatus.Pending)
            {
                throw NotPending(itemId, current);
            }
        }

        // Read again: a document save that lost an idempotency race clears the shared change tracker.
        var row = await db.InboxItems.SingleAsync(i => i.Id == itemId, cancellationToken).ConfigureAwait(false);
        row.Status = InboxItemStatus.Processed;
        row.DocumentId = created.Document.Id;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        OrganizingLog.InboxItemConverted(logger, itemId, created.Document.Id, row.CompanyId);
        return created.Document;
    }

    /// <summary>
    /// Rejects a pending item (not a document, a duplicate…); it stays listed as
    /// <see cref="InboxItemStatus.Rejected"/>. Needs <see cref="Right.ProcessInbox"/>.
    /// </summary>
    /// <param name="itemId">The item.</param>
    /// <param name="reason">Why, at most <see cref="MaxReasonLength"/> characters. Checked but not stored yet: the inbox item has no field for it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<InboxItemInfo> RejectAsync(Guid itemId, string? reason = null, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ProcessInbox);
        if (reason is { Length: > MaxReasonLength })
        {
            throw new ValidationFailedException("reason", "too-long", $"A reason has at most {MaxReasonLength} characters.");
        }

        var item = await FindPendingAsync(itemId, cancellationToken).ConfigureAwait(false);
        item.Status = InboxItemStatus.Rejected;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        OrganizingLog.InboxItemRejected(logger, itemId, item.CompanyId);
        return InboxItemInfo.From(item);
    }

    /// <summary>The idempotency key of the document made from an item.</summary>
    internal static string ConversionKey(Guid itemId) => $"inbox-item:{itemId:N}";

    private async Task<InboxItem> FindPendingAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var item = await db.InboxItems.SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("inbox item", itemId);
        return item.Status == InboxItemStatus.Pending ? item : throw NotPending(itemId, item.Status);
    }

    private static ConflictException NotPending(Guid itemId, InboxItemStatus status) =>
        new("id", "not-pending", $"Inbox item '{itemId}' was {status.ToString().ToLowerInvariant()} already; only a pending item can change.");

    /// <summary>
    /// The role an item's file plays for its document: a PDF is the document's PDF, an e-invoice's XML its UBL (the
    /// original kept byte for byte; DocSync renders a readable PDF beside it), anything else an attachment.
    /// </summary>
    private async Task<DocumentFileKind> MainFileKindAsync(string sha256, CancellationToken cancellationToken)
    {
        var head = new byte[5];
        await using var stream = blobs.OpenRead(sha256);
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (head.AsSpan(0, read).SequenceEqual("%PDF-"u8))
        {
            return DocumentFileKind.Pdf;
        }

        stream.Position = 0;
        return Reading.EInvoices.EInvoiceReader.TryRead(stream) is { Format: Reading.EInvoices.EInvoiceFormat.Ubl }
            ? DocumentFileKind.Ubl
            : DocumentFileKind.Attachment;
    }
}
