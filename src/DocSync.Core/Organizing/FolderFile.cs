using DocSync.Core.Access;

namespace DocSync.Core.Organizing;

/// <summary>A free file in Files, in a <see cref="Folder"/> or at the top level, pointing at a content-addressed blob.</summary>
public sealed class FolderFile : ICompanyScoped
{
    /// <summary>The file's id.</summary>
    public Guid Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>The folder; <see langword="null"/> at the top level. Kept while in the trash: where a restore puts it back.</summary>
    public Guid? FolderId { get; set; }

    /// <summary>File name, unique in the folder (ignoring case) among files in use.</summary>
    public required string FileName { get; set; }

    /// <summary>The name folded for sorting and searching (lower case, composed): pages are keyed on it.</summary>
    public string NameKey { get; set; } = "";

    /// <summary>Media type.</summary>
    public required string ContentType { get; set; }

    /// <summary>SHA-256 of the content (the blob's address).</summary>
    public required string Sha256 { get; set; }

    /// <summary>Size in bytes.</summary>
    public long Length { get; set; }

    /// <summary>When the file was added.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it went to the trash (itself or with a folder above it); <see langword="null"/> while in use. Its blob stays until it is purged.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>The item whose deletion put it in the trash (its own id when it was deleted itself).</summary>
    public Guid? TrashGroupId { get; set; }

    /// <summary>Raised by every change; a change made from an older value is refused (optimistic concurrency).</summary>
    public int Version { get; set; }
}
