namespace DocSync.Core.Documents;

/// <summary>The outcome of a create.</summary>
/// <param name="Document">The document as the first request with this key created it (version 1).</param>
/// <param name="Replayed">Whether this answers a repeated idempotency key rather than creating.</param>
public sealed record CreateDocumentResult(DocumentView Document, bool Replayed);
