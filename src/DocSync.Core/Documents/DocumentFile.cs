using DocSync.Core.Access;

namespace DocSync.Core.Documents;

/// <summary>
/// A file of a document, pointing at a content-addressed blob. It belongs to versions
/// <see cref="AddedInVersion"/> up to (not including) <see cref="RemovedInVersion"/>, so every
/// version's set of files stays readable.
/// </summary>
public sealed class DocumentFile : ICompanyScoped
{
    /// <summary>The file's id.</summary>
    public Guid Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>The document.</summary>
    public Guid DocumentId { get; set; }

    /// <summary>The PDF, the UBL or an attachment.</summary>
    public DocumentFileKind Kind { get; set; }

    /// <summary>File name as given (no directories), e.g. <c>invoice-2025-0042.pdf</c>.</summary>
    public required string FileName { get; set; }

    /// <summary>Media type, e.g. <c>application/pdf</c>.</summary>
    public required string ContentType { get; set; }

    /// <summary>SHA-256 of the content, lower-case hex: the blob's address.</summary>
    public required string Sha256 { get; set; }

    /// <summary>Size in bytes.</summary>
    public long Length { get; set; }

    /// <summary>
    /// Whether DocSync rendered it: a PDF made from the version's content because the host sent
    /// none. A generated PDF is rendered again when the content changes, and gives way to a PDF the
    /// host sends.
    /// </summary>
    public bool Generated { get; set; }

    /// <summary>The first version that has the file.</summary>
    public int AddedInVersion { get; set; }

    /// <summary>The first version that no longer has it; <see langword="null"/> while current.</summary>
    public int? RemovedInVersion { get; set; }

    /// <summary>When the file was added.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Whether the file belongs to version <paramref name="version"/>.</summary>
    /// <param name="version">A version number.</param>
    public bool IsIn(int version) => AddedInVersion <= version && (RemovedInVersion is null || RemovedInVersion > version);
}
