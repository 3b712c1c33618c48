namespace DocSync.Core.Organizing;

/// <summary>A folder of free files.</summary>
/// <param name="Id">The folder's id.</param>
/// <param name="ParentId">The parent folder; <see langword="null"/> at the top.</param>
/// <param name="Name">Its name.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="Version">Its version: send it back with a change so a change made meanwhile is not overwritten.</param>
public sealed record FolderInfo(Guid Id, Guid? ParentId, string Name, DateTimeOffset CreatedAt, int Version = 0)
{
    internal static FolderInfo From(Folder folder) => new(folder.Id, folder.ParentId, folder.Name, folder.CreatedAt, folder.Version);
}
