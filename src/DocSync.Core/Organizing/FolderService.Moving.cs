using DocSync.Core.Companies;
using DocSync.Core.Errors;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Organizing;

public sealed partial class FolderService
{
    /// <summary>
    /// Moves a file to another folder or the top level. Two people moving the same file from the same
    /// version: the second gets 409 <c>changed-meanwhile</c>. Needs <see cref="Right.ManageFiles"/>.
    /// </summary>
    /// <param name="fileId">The file.</param>
    /// <param name="targetFolderId">The folder it goes to; <see langword="null"/>: the top level.</param>
    /// <param name="expectedVersion">The version the move was decided from; <see langword="null"/>: whatever is stored.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<FolderFileInfo> MoveFileAsync(Guid fileId, Guid? targetFolderId, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageFiles);
        var file = await FindFileAsync(fileId, cancellationToken).ConfigureAwait(false);
        CheckVersion(file.Version, expectedVersion);
        if (file.FolderId == targetFolderId)
        {
            return FolderFileInfo.From(file);
        }

        if (targetFolderId is { } target)
        {
            await FindFolderAsync(target, tracked: false, cancellationToken).ConfigureAwait(false);
        }

        await EnsureFreeAsync(targetFolderId, file.FileName, "targetFolderId", fileId, cancellationToken).ConfigureAwait(false);
        file.FolderId = targetFolderId;
        file.Version++;
        await SaveAsync("targetFolderId", cancellationToken).ConfigureAwait(false);
        return FolderFileInfo.From(file);
    }

    /// <summary>
    /// Moves a folder (with all it holds) into another folder or the top level; into itself or one of
    /// its own subfolders is refused (422 <c>into-itself</c>). Needs <see cref="Right.ManageFiles"/>.
    /// </summary>
    /// <param name="folderId">The folder.</param>
    /// <param name="targetParentId">The folder it goes into; <see langword="null"/>: the top level.</param>
    /// <param name="expectedVersion">The version the move was decided from; <see langword="null"/>: whatever is stored.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<FolderInfo> MoveFolderAsync(Guid folderId, Guid? targetParentId, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageFiles);
        var folder = await FindFolderAsync(folderId, tracked: true, cancellationToken).ConfigureAwait(false);
        CheckVersion(folder.Version, expectedVersion);
        if (folder.ParentId == targetParentId)
        {
            return FolderInfo.From(folder);
        }

        if (targetParentId is { } target)
        {
            await FindFolderAsync(target, tracked: false, cancellationToken).ConfigureAwait(false);
            if ((await SubtreeAsync(db, folderId, cancellationToken).ConfigureAwait(false)).Contains(target))
            {
                throw new ValidationFailedException("targetFolderId", "into-itself", "A folder cannot go into itself or into one of its own subfolders.");
            }
        }

        await EnsureFreeAsync(targetParentId, folder.Name, "targetFolderId", folderId, cancellationToken).ConfigureAwait(false);
        folder.ParentId = targetParentId;
        folder.Version++;
        await SaveAsync("targetFolderId", cancellationToken).ConfigureAwait(false);
        return FolderInfo.From(folder);
    }

    /// <summary><paramref name="rootId"/> and every folder in use below it (one query over the company's folders in use).</summary>
    internal static async Task<HashSet<Guid>> SubtreeAsync(DocSyncDbContext db, Guid rootId, CancellationToken cancellationToken)
    {
        var folders = await db.Folders.AsNoTracking().Where(f => f.DeletedAt == null).Select(f => new { f.Id, f.ParentId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var children = folders.Where(f => f.ParentId is not null).ToLookup(f => f.ParentId!.Value, f => f.Id);
        var subtree = new HashSet<Guid> { rootId };
        var pending = new Queue<Guid>([rootId]);
        while (pending.TryDequeue(out var id))
        {
            foreach (var child in children[id])
            {
                if (subtree.Add(child))
                {
                    pending.Enqueue(child);
                }
            }
        }

        return subtree;
    }
}
