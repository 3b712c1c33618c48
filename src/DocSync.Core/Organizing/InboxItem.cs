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
}
