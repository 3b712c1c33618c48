namespace DocSync.Core.Documents;

/// <summary>A file sent with a document.</summary>
/// <param name="Kind">PDF, UBL or attachment.</param>
/// <param name="FileName">The file's name, without directories.</param>
/// <param name="ContentType">Its media type, e.g. <c>application/pdf</c>.</param>
/// <param name="Content">The bytes; read once, to the end.</param>
public sealed record DocumentFileUpload(DocumentFileKind Kind, string FileName, string ContentType, Stream Content);
