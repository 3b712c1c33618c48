namespace DocSync.Dropbox;

/// <summary>The outcome of one file of a batch upload: its metadata, or why it failed.</summary>
public sealed record BatchUploadResult
{
    /// <summary>The destination path asked for.</summary>
    public string Path { get; init; } = "";

    /// <summary>The committed file, on success.</summary>
    public FileMetadata? Metadata { get; init; }

    /// <summary>The failure's tag path (e.g. <c>path/conflict/file</c>), or <c>network_error</c>; null on success.</summary>
    public string? ErrorTag { get; init; }

    /// <summary>The failure itself, when there was one.</summary>
    public Exception? Error { get; init; }

    /// <summary>True when the file was committed.</summary>
    public bool IsSuccess => Metadata is not null;
}
