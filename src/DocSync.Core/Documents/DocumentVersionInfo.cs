namespace DocSync.Core.Documents;

/// <summary>One entry of a document's history.</summary>
/// <param name="Number">The version number.</param>
/// <param name="Status">Status at that version.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="CreatedBy">Who made it: <c>person:{id}</c>, <c>api-key:{id}</c> or <c>system</c>.</param>
/// <param name="CreatedByName">Who made it, as people know them (a person's name, an API key's name, DocSync).</param>
public sealed record DocumentVersionInfo(int Number, DocumentStatus Status, DateTimeOffset CreatedAt, string CreatedBy, string CreatedByName);
