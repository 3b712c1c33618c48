using DocSync.Core.Companies;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Organizing;

public sealed partial class FolderService
{
    /// <summary>
    /// Puts a file in the trash: it leaves its folder (its name is free again) and is purged after the
    /// retention (<c>DocSync:Files:TrashRetention</c>) unless restored; its blob stays until then.
    /// Needs <see cref="Right.ManageFiles"/>.
    /// </summary>
    /// <param name="fileId">The file.</param>
    /// <param name="expectedVersion">The version the deletion was decided from; <see langword="null"/>: whatever is stored.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task TrashFileAsync(Guid fileId, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageFiles);
        var file = await FindFileAsync(fileId, cancellationToken).ConfigureAwait(false);
        CheckVersion(file.Version, expectedVersion);
        file.DeletedAt = time.GetUtcNow();
        file.TrashGroupId = file.Id;
        file.Version++;
        await SaveAsync("id", cancellationToken).ConfigureAwait(false);
        OrganizingLog.FolderFileDeleted(logger, fileId, file.CompanyId);
    }

    /// <summary>
    /// Puts a folder in the trash with everything in use below it, as one item restored or purged
    /// together. Needs <see cref="Right.ManageFiles"/>.
    /// </summary>
    /// <param name="folderId">The folder.</param>
    /// <param name="expectedVersion">The version the deletion was decided from; <see langword="null"/>: whatever is stored.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task TrashFolderAsync(Guid folderId, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageFiles);
        var folder = await FindFolderAsync(folderId, tracked: true, cancellationToken).ConfigureAwait(false);
        CheckVersion(folder.Version, expectedVersion);
        var now = time.GetUtcNow();
        var below = (await SubtreeAsync(db, folderId, cancellationToken).ConfigureAwait(false)).Where(id => id != folderId).ToList();
        var inside = below.Append(folderId).ToList();
        ForgetTrackedTree(db, folder);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // What is below goes in bulk (a folder of 10,000 files is one statement); the folder itself through the
        // save choke point, so the deletion is audited. Files and folders already in the trash keep their own group.
        await db.FolderFiles.Where(f => f.FolderId != null && inside.Contains(f.FolderId.Value) && f.DeletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.DeletedAt, now).SetProperty(f => f.TrashGroupId, folderId).SetProperty(f => f.Version, f => f.Version + 1), cancellationToken)
            .ConfigureAwait(false);
        await db.Folders.Where(f => below.Contains(f.Id) && f.DeletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.DeletedAt, now).SetProperty(f => f.TrashGroupId, folderId).SetProperty(f => f.Version, f => f.Version + 1), cancellationToken)
            .ConfigureAwait(false);
        folder.DeletedAt = now;
        folder.TrashGroupId = folder.Id;
        folder.Version++;
        await SaveAsync("id", cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        OrganizingLog.FolderDeleted(logger, folderId, folder.CompanyId);
    }
}
