namespace DocSync.Core.Documents;

/// <summary>A file of a document version.</summary>
/// <param name="Id">The file's id.</param>
/// <param name="Kind">PDF, UBL or attachment.</param>
/// <param name="FileName">Its name.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="Sha256">SHA-256 of its content.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="Generated">Whether DocSync rendered it (a PDF of the content, made because the host sent none).</param>
public sealed record DocumentFileView(Guid Id, DocumentFileKind Kind, string FileName, string ContentType, string Sha256, long Length, bool Generated)
{
    internal static DocumentFileView From(DocumentFile file) =>
        new(file.Id, file.Kind, file.FileName, file.ContentType, file.Sha256, file.Length, file.Generated);
}
