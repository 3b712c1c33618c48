namespace DocSync.Core.Organizing;

/// <summary>A free attachment in a folder.</summary>
/// <param name="Id">The file's id.</param>
/// <param name="FolderId">Its folder.</param>
/// <param name="FileName">Its name.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="Sha256">SHA-256 of its content.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="CreatedAt">When it was added.</param>
public sealed record FolderFileInfo(Guid Id, Guid FolderId, string FileName, string ContentType, string Sha256, long Length, DateTimeOffset CreatedAt)
{
    internal static FolderFileInfo From(FolderFile file) =>
        new(file.Id, file.FolderId, file.FileName, file.ContentType, file.Sha256, file.Length, file.CreatedAt);
}
