using DocSync.Core.Documents;

namespace DocSync.Core.Export.Planning;

/// <summary>A document as it is now.</summary>
/// <param name="Document">Its latest summary (type, number, parties, deletion).</param>
/// <param name="Files">Its files in the current version, oldest first.</param>
/// <param name="Ubl">The UBL DocSync writes for it, when it was prepared (see <see cref="DesiredTreeBuilder.GeneratesUbl"/>).</param>
public sealed record SourceDocument(Document Document, IReadOnlyList<DocumentFile> Files, GeneratedUbl? Ubl = null);

/// <summary>The UBL DocSync wrote for a document: the SHA-256 of its bytes, or why it could not be written.</summary>
/// <param name="Sha256">SHA-256 of the bytes (hex, lower case), when written.</param>
/// <param name="Problem">Why no UBL could be written, for people.</param>
public sealed record GeneratedUbl(string? Sha256, string? Problem)
{
    /// <summary>A written UBL.</summary>
    /// <param name="sha256">Its SHA-256.</param>
    public static GeneratedUbl Written(string sha256) => new(sha256, null);

    /// <summary>A UBL that could not be written.</summary>
    /// <param name="problem">Why.</param>
    public static GeneratedUbl Failed(string problem) => new(null, problem);
}

/// <summary>A document's trees, and a note for the log when its UBL is left out.</summary>
/// <param name="Trees">Desired and synced files (or the problem that stops the document).</param>
/// <param name="LeftOut">The path and reason of a file left out (no UBL could be written), if any.</param>
public sealed record DesiredTree(DocumentTrees Trees, (string Path, string Reason)? LeftOut = null);
