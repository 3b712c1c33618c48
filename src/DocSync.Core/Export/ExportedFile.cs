using DocSync.Core.Access;
using DocSync.Core.Auditing;

namespace DocSync.Core.Export;

/// <summary>
/// One file DocSync put in Dropbox for a profile: the last state both sides agreed on (the merge
/// base). Keyed by document and slot, never by path: a renumbered document moves its file.
/// </summary>
public sealed class ExportedFile : ICompanyScoped, IAuditExempt
{
    /// <summary>Its id.</summary>
    public Guid Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>The profile.</summary>
    public Guid ProfileId { get; set; }

    /// <summary>The document.</summary>
    public Guid DocumentId { get; set; }

    /// <summary>Which of the document's files: <c>pdf</c>, <c>ubl</c> or <c>att:&lt;file id&gt;</c>.</summary>
    public required string Slot { get; set; }

    /// <summary>The full Dropbox path, as displayed.</summary>
    public required string Path { get; set; }

    /// <summary>The path's comparison key (NFC, lower case): unique per profile, as in Dropbox.</summary>
    public required string PathKey { get; set; }

    /// <summary>Dropbox's id of the file (<c>id:…</c>): it follows the file across moves.</summary>
    public required string DropboxId { get; set; }

    /// <summary>Dropbox's revision of the file as DocSync last wrote it.</summary>
    public required string Rev { get; set; }

    /// <summary>Dropbox's content hash of what DocSync wrote.</summary>
    public required string ContentHash { get; set; }

    /// <summary>SHA-256 of the source bytes (the blob, or the generated UBL).</summary>
    public required string SourceSha256 { get; set; }

    /// <summary>The document version exported.</summary>
    public int DocumentVersion { get; set; }

    /// <summary>Size in bytes.</summary>
    public long Length { get; set; }

    /// <summary>When it was last written.</summary>
    public DateTimeOffset ExportedAt { get; set; }

    /// <summary>
    /// Set when a check found the file deleted in Dropbox and held it for a person (too many at once to
    /// put back unasked); cleared when it is there again. Such a file is not counted as in Dropbox.
    /// </summary>
    public DateTimeOffset? MissingSince { get; set; }
}
