namespace DocSync.Core.Documents;

/// <summary>One entry of a document's history.</summary>
/// <param name="Number">The version number.</param>
/// <param name="Status">Status at that version.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="CreatedBy">Who made it.</param>
public sealed record DocumentVersionInfo(int Number, DocumentStatus Status, DateTimeOffset CreatedAt, string CreatedBy);
