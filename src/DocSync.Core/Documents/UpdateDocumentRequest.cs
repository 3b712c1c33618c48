namespace DocSync.Core.Documents;

/// <summary>Replaces a document's content and status, adds and removes files: one new version.</summary>
public sealed record UpdateDocumentRequest
{
    /// <summary>The new content (whole).</summary>
    public required DocumentContent Content { get; init; }

    /// <summary>The new status.</summary>
    public DocumentStatus Status { get; init; } = DocumentStatus.Draft;

    /// <summary>The binder to file it in, if any.</summary>
    public Guid? BinderId { get; init; }

    /// <summary>Files to add. Default none.</summary>
    public IReadOnlyList<DocumentFileUpload> AddFiles { get; init; } = [];

    /// <summary>Ids of current files to remove (they stay in older versions). Default none.</summary>
    public IReadOnlyList<Guid> RemoveFileIds { get; init; } = [];

    /// <summary>When set, the update is refused unless this is the current version (optimistic concurrency).</summary>
    public int? ExpectedVersion { get; init; }
}
