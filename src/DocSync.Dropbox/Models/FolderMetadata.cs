namespace DocSync.Dropbox;

/// <summary>A folder (<c>.tag</c> <c>folder</c>).</summary>
public sealed record FolderMetadata : Metadata
{
    /// <summary>Stable id (<c>id:…</c>).</summary>
    public string Id { get; init; } = "";

    /// <summary>Deprecated by Dropbox; set when the folder is a shared folder.</summary>
    public string? SharedFolderId { get; init; }
}
