namespace DocSync.Dropbox;

/// <summary>A file (<c>.tag</c> <c>file</c>).</summary>
public sealed record FileMetadata : Metadata
{
    /// <summary>Stable id (<c>id:…</c>) that follows the file across renames.</summary>
    public string Id { get; init; } = "";

    /// <summary>What the uploader claimed; for display only.</summary>
    public DateTimeOffset ClientModified { get; init; }

    /// <summary>When Dropbox stored this revision.</summary>
    public DateTimeOffset ServerModified { get; init; }

    /// <summary>The revision, for <c>update</c> writes and <c>rev:</c> reads.</summary>
    public string Rev { get; init; } = "";

    /// <summary>Size in bytes.</summary>
    public long Size { get; init; }

    /// <summary>The Dropbox content hash of the whole file (see <see cref="DropboxContentHasher"/>).</summary>
    public string? ContentHash { get; init; }

    /// <summary>False for files that must be exported rather than downloaded.</summary>
    public bool IsDownloadable { get; init; } = true;

    /// <summary>Whether the file has members beyond its folder's, when asked for.</summary>
    public bool? HasExplicitSharedMembers { get; init; }
}
