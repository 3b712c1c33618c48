namespace DocSync.Core.Documents;

/// <summary>Creates a document.</summary>
public sealed record CreateDocumentRequest
{
    /// <summary>What the document says.</summary>
    public required DocumentContent Content { get; init; }

    /// <summary>Its status. Default <see cref="DocumentStatus.Draft"/>.</summary>
    public DocumentStatus Status { get; init; } = DocumentStatus.Draft;

    /// <summary>The binder to file it in, if any.</summary>
    public Guid? BinderId { get; init; }

    /// <summary>Its files. Default none.</summary>
    public IReadOnlyList<DocumentFileUpload> Files { get; init; } = [];

    /// <summary>
    /// A client-chosen key (at most 200 printable characters): repeating a create with the same key
    /// and payload returns the first result; the same key with another payload is refused.
    /// </summary>
    public string? IdempotencyKey { get; init; }
}
