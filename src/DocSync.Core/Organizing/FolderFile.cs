using DocSync.Core.Access;

namespace DocSync.Core.Organizing;

/// <summary>A free attachment in a <see cref="Folder"/>, pointing at a content-addressed blob.</summary>
public sealed class FolderFile : ICompanyScoped
{
    /// <summary>The file's id.</summary>
    public Guid Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>The folder.</summary>
    public Guid FolderId { get; set; }

    /// <summary>File name, unique in the folder.</summary>
    public required string FileName { get; set; }

    /// <summary>Media type.</summary>
    public required string ContentType { get; set; }

    /// <summary>SHA-256 of the content (the blob's address).</summary>
    public required string Sha256 { get; set; }

    /// <summary>Size in bytes.</summary>
    public long Length { get; set; }

    /// <summary>When the file was added.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
