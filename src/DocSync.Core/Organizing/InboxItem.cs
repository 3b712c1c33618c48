using DocSync.Core.Access;

namespace DocSync.Core.Organizing;

/// <summary>A file waiting in the company inbox (bannette) to become a document.</summary>
public sealed class InboxItem : ICompanyScoped
{
    /// <summary>The item's id.</summary>
    public Guid Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>How it arrived.</summary>
    public InboxSource Source { get; set; }

    /// <summary>
    /// Identity at the source (e.g. the Dropbox file id for Collect); unique per company and
    /// source, so an item is collected exactly once even if the file stays, moves or is renamed.
    /// </summary>
    public string? SourceRef { get; set; }

    /// <summary>File name as received.</summary>
    public required string FileName { get; set; }

    /// <summary>Media type.</summary>
    public required string ContentType { get; set; }

    /// <summary>SHA-256 of the content (the blob's address).</summary>
    public required string Sha256 { get; set; }

    /// <summary>Size in bytes.</summary>
    public long Length { get; set; }

    /// <summary>Status.</summary>
    public InboxItemStatus Status { get; set; }

    /// <summary>Binder the resulting document goes to (a collection channel's destination binder).</summary>
    public Guid? BinderId { get; set; }

    /// <summary>Person who should process it (a collection channel's destination user).</summary>
    public Guid? AssigneeId { get; set; }

    /// <summary>The document made from it, once processed.</summary>
    public Guid? DocumentId { get; set; }

    /// <summary>When it arrived.</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Whether and how its text was read.</summary>
    public InboxReadState ReadState { get; set; }

    /// <summary>How the text was read: <c>text-layer</c>, <c>ocr</c> or <c>none</c>.</summary>
    public string? ReadMethod { get; set; }

    /// <summary>The text read from the file (text layer or OCR), at most <see cref="InboxService.MaxTextLength"/> characters.</summary>
    public string? Text { get; set; }

    /// <summary>The text's language as guessed (<c>en</c>, <c>fr</c>, <c>nl</c>).</summary>
    public string? Language { get; set; }

    /// <summary>Why reading did not give text, if it did not.</summary>
    public string? ReadProblem { get; set; }

    /// <summary>The fields extracted from the text (and corrected by people), as JSON.</summary>
    public string? FieldsJson { get; set; }

    /// <summary>The folded file name and text, for search.</summary>
    public string SearchKey { get; set; } = "";

    /// <summary>Invoice number and total, normalised, for finding duplicates (<see langword="null"/> without both).</summary>
    public string? DuplicateKey { get; set; }

    /// <summary>An earlier inbox item with the same supplier, number and amount.</summary>
    public Guid? DuplicateOfItemId { get; set; }

    /// <summary>An existing document with the same supplier, number and amount.</summary>
    public Guid? DuplicateOfDocumentId { get; set; }
}
