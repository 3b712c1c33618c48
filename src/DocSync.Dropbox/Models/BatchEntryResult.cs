namespace DocSync.Dropbox;

/// <summary>One entry of a batch: its metadata on success, its error tag path on failure.</summary>
public sealed record BatchEntryResult
{
    /// <summary>The item after the operation (for deletes: before it), on success.</summary>
    public Metadata? Metadata { get; init; }

    /// <summary>The failure's tag path, e.g. <c>path/conflict/folder</c>; null on success.</summary>
    public string? ErrorTag { get; init; }

    /// <summary>True when the entry succeeded.</summary>
    public bool IsSuccess => ErrorTag is null;
}
