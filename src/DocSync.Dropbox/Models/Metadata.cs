using System.Text.Json.Serialization;

namespace DocSync.Dropbox;

/// <summary>
/// A file, folder or deletion as Dropbox reports it. Decoded by its <c>.tag</c> into
/// <see cref="FileMetadata"/>, <see cref="FolderMetadata"/> or <see cref="DeletedMetadata"/>; a tag
/// this client does not know decodes as a plain <see cref="Metadata"/> rather than failing.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = ".tag", IgnoreUnrecognizedTypeDiscriminators = true)]
[JsonDerivedType(typeof(FileMetadata), "file")]
[JsonDerivedType(typeof(FolderMetadata), "folder")]
[JsonDerivedType(typeof(DeletedMetadata), "deleted")]
public record Metadata
{
    /// <summary>The last path component, in its stored case.</summary>
    public string Name { get; init; } = "";

    /// <summary>The lower-cased path: the key to compare on (absent for items outside the caller's root).</summary>
    public string? PathLower { get; init; }

    /// <summary>The path for display; only its last component's case is reliable.</summary>
    public string? PathDisplay { get; init; }

    /// <summary>Deprecated by Dropbox; the shared folder holding the item.</summary>
    public string? ParentSharedFolderId { get; init; }

    /// <summary>A preview URL, when Dropbox sends one.</summary>
    public string? PreviewUrl { get; init; }
}
