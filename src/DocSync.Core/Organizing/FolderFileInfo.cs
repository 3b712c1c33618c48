namespace DocSync.Core.Organizing;

/// <summary>A free file in Files.</summary>
/// <param name="Id">The file's id.</param>
/// <param name="FolderId">Its folder; <see langword="null"/> at the top level.</param>
/// <param name="FileName">Its name.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="Sha256">SHA-256 of its content.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="CreatedAt">When it was added.</param>
/// <param name="Version">Its version: send it back with a change so a change made meanwhile is not overwritten.</param>
public sealed record FolderFileInfo(Guid Id, Guid? FolderId, string FileName, string ContentType, string Sha256, long Length, DateTimeOffset CreatedAt, int Version = 0)
{
    internal static FolderFileInfo From(FolderFile file) =>
        new(file.Id, file.FolderId, file.FileName, file.ContentType, file.Sha256, file.Length, file.CreatedAt, file.Version);
}
