namespace DocSync.Core.Organizing;

/// <summary>A folder of free attachments.</summary>
/// <param name="Id">The folder's id.</param>
/// <param name="ParentId">The parent folder; <see langword="null"/> at the top.</param>
/// <param name="Name">Its name.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record FolderInfo(Guid Id, Guid? ParentId, string Name, DateTimeOffset CreatedAt)
{
    internal static FolderInfo From(Folder folder) => new(folder.Id, folder.ParentId, folder.Name, folder.CreatedAt);
}
