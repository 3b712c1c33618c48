namespace DocSync.Core.Documents;

/// <summary>One version of a document, with its files.</summary>
/// <param name="Id">The document's id.</param>
/// <param name="Version">The version shown.</param>
/// <param name="CurrentVersion">The document's latest version.</param>
/// <param name="Status">Status at this version.</param>
/// <param name="BinderId">Binder at this version.</param>
/// <param name="Content">Content at this version.</param>
/// <param name="Files">Files at this version.</param>
/// <param name="CreatedAt">When the document was created.</param>
/// <param name="VersionCreatedAt">When this version was made.</param>
public sealed record DocumentView(
    Guid Id,
    int Version,
    int CurrentVersion,
    DocumentStatus Status,
    Guid? BinderId,
    DocumentContent Content,
    IReadOnlyList<DocumentFileView> Files,
    DateTimeOffset CreatedAt,
    DateTimeOffset VersionCreatedAt);
