namespace DocSync.Dropbox;

/// <summary>The answer of <c>files/list_revisions</c>.</summary>
public sealed record RevisionsPage
{
    /// <summary>True when the file is deleted now.</summary>
    public bool IsDeleted { get; init; }

    /// <summary>When it was deleted, if it is.</summary>
    public DateTimeOffset? ServerDeleted { get; init; }

    /// <summary>Revisions, newest first.</summary>
    public IReadOnlyList<FileMetadata> Entries { get; init; } = [];

    /// <summary>True when older revisions follow (ask again with <c>before_rev</c>).</summary>
    public bool HasMore { get; init; }
}
