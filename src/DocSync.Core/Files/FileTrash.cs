using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Errors;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Files;

/// <summary>
/// The current company's trash in Files: what was deleted (a file, or a folder with all it held, as one
/// item), restored into its folder (or the top level when that folder is gone) under a free name —
/// <c>report (restored).pdf</c> when the name was taken meanwhile, never overwriting — or purged: at once
/// ("empty trash") or by <see cref="TrashSweeper"/> after <see cref="FilesOptions.TrashRetention"/>.
/// A purged file's blob is then left to the blob sweep (other rows may share it).
/// </summary>
public sealed class FileTrash(DocSyncDbContext db, ICompanyContext company, IOptions<FilesOptions> options)
{
    /// <summary>What the trash holds, most recently deleted first. Needs <see cref="Right.ViewDocuments"/>.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<TrashItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ViewDocuments);
        var retention = options.Value.TrashRetention;
        var folders = await db.Folders.AsNoTracking().ToDictionaryAsync(f => f.Id, cancellationToken).ConfigureAwait(false);
        var sizes = await db.FolderFiles.AsNoTracking().Where(f => f.TrashGroupId != null)
            .GroupBy(f => f.TrashGroupId!.Value).Select(g => new { Group = g.Key, Count = g.Count(), Bytes = g.Sum(f => f.Length) })
            .ToDictionaryAsync(g => g.Group, cancellationToken).ConfigureAwait(false);
        var files = await db.FolderFiles.AsNoTracking().Where(f => f.TrashGroupId == f.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var items = files.Select(f => new TrashItem(f.Id, false, f.FileName, PathOf(folders, f.FolderId), f.DeletedAt!.Value, f.DeletedAt.Value + retention, 1, f.Length))
            .Concat(folders.Values.Where(f => f.TrashGroupId == f.Id).Select(f => new TrashItem(f.Id, true, f.Name, PathOf(folders, f.ParentId), f.DeletedAt!.Value,
                f.DeletedAt.Value + retention, sizes.TryGetValue(f.Id, out var size) ? size.Count : 0, size?.Bytes ?? 0)));
        return items.OrderByDescending(i => i.DeletedAt).ThenBy(i => i.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>
    /// Restores a file or folder (with what it held) from the trash into its folder, or the top level when
    /// that folder is itself deleted or gone; a name taken there meanwhile gets " (restored)". Needs <see cref="Right.ManageFiles"/>.
    /// </summary>
    /// <param name="id">The trashed file's or folder's id (as listed).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Its name and folder after the restore.</returns>
    public async Task<(string Name, Guid? FolderId)> RestoreAsync(Guid id, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageFiles);
        var file = await db.FolderFiles.SingleOrDefaultAsync(f => f.Id == id && f.TrashGroupId == id, cancellationToken).ConfigureAwait(false);
        var folder = file is null ? await db.Folders.SingleOrDefaultAsync(f => f.Id == id && f.TrashGroupId == id, cancellationToken).ConfigureAwait(false) : null;
        if (file is null && folder is null)
        {
            throw new NotFoundException("trash item", id);
        }

        var parent = file is not null ? file.FolderId : folder!.ParentId;
        if (parent is { } p && !await db.Folders.AnyAsync(f => f.Id == p && f.DeletedAt == null, cancellationToken).ConfigureAwait(false))
        {
            parent = null;
        }

        var taken = await FolderService.NamesInAsync(db, parent, null, cancellationToken).ConfigureAwait(false);
        var name = FileNames.Free(file?.FileName ?? folder!.Name, taken, "restored");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (file is not null)
        {
            file.FolderId = parent;
            file.FileName = name;
            file.NameKey = FileNames.Key(name);
            file.DeletedAt = null;
            file.TrashGroupId = null;
            file.Version++;
        }
        else
        {
            FolderService.ForgetTrackedTree(db, folder!);
            await db.FolderFiles.Where(f => f.TrashGroupId == id)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.DeletedAt, (DateTimeOffset?)null).SetProperty(f => f.TrashGroupId, (Guid?)null).SetProperty(f => f.Version, f => f.Version + 1), cancellationToken)
                .ConfigureAwait(false);
            await db.Folders.Where(f => f.TrashGroupId == id && f.Id != id)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.DeletedAt, (DateTimeOffset?)null).SetProperty(f => f.TrashGroupId, (Guid?)null).SetProperty(f => f.Version, f => f.Version + 1), cancellationToken)
                .ConfigureAwait(false);
            folder!.ParentId = parent;
            folder.Name = name;
            folder.DeletedAt = null;
            folder.TrashGroupId = null;
            folder.Version++;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("id", "changed-meanwhile", "Someone restored or purged this meanwhile; look at the trash again.");
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (name, parent);
    }

    /// <summary>Purges one item of the trash now. Needs <see cref="Right.ManageFiles"/>.</summary>
    /// <param name="id">The trashed file's or folder's id (as listed).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task PurgeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageFiles);
        if (!await PurgeGroupAsync(id, cancellationToken).ConfigureAwait(false))
        {
            throw new NotFoundException("trash item", id);
        }
    }

    /// <summary>Purges everything in the trash now ("empty trash"; the UI asks first). Needs <see cref="Right.ManageFiles"/>.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many items were purged.</returns>
    public Task<int> EmptyAsync(CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageFiles);
        return PurgeDeletedBeforeAsync(DateTimeOffset.MaxValue, cancellationToken);
    }

    /// <summary>Purges the items deleted before <paramref name="cutoff"/> (the sweep's work, in the current company).</summary>
    internal async Task<int> PurgeDeletedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        company.Demand(Right.ManageFiles);
        var groups = await db.FolderFiles.AsNoTracking().Where(f => f.TrashGroupId == f.Id && f.DeletedAt < cutoff).Select(f => f.Id)
            .Concat(db.Folders.AsNoTracking().Where(f => f.TrashGroupId == f.Id && f.DeletedAt < cutoff).Select(f => f.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var purged = 0;
        foreach (var group in groups)
        {
            if (await PurgeGroupAsync(group, cancellationToken).ConfigureAwait(false))
            {
                purged++;
            }
        }

        return purged;
    }

    /// <summary>Deletes a trash item's rows for good: its files, then its folders deepest first; the item itself through the save choke point (audited).</summary>
    private async Task<bool> PurgeGroupAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await db.FolderFiles.SingleOrDefaultAsync(f => f.Id == id && f.TrashGroupId == id, cancellationToken).ConfigureAwait(false);
        var folder = file is null ? await db.Folders.SingleOrDefaultAsync(f => f.Id == id && f.TrashGroupId == id, cancellationToken).ConfigureAwait(false) : null;
        if (file is null && folder is null)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (file is not null)
        {
            db.FolderFiles.Remove(file);
        }
        else
        {
            FolderService.ForgetTrackedTree(db, folder!);
            var groupFolders = await db.Folders.AsNoTracking().Where(f => f.TrashGroupId == id).Select(f => new { f.Id, f.ParentId })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var ids = groupFolders.Select(f => f.Id).ToList();

            // Things deleted earlier on their own from inside this folder stay in the trash; their folder is gone, so they restore to the top level.
            await db.FolderFiles.Where(f => f.FolderId != null && ids.Contains(f.FolderId.Value) && f.TrashGroupId != id)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.FolderId, (Guid?)null), cancellationToken).ConfigureAwait(false);
            await db.Folders.Where(f => f.ParentId != null && ids.Contains(f.ParentId.Value) && f.TrashGroupId != id)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.ParentId, (Guid?)null), cancellationToken).ConfigureAwait(false);
            await db.FolderFiles.Where(f => f.TrashGroupId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);

            // Deepest first: a folder's parent is never deleted before it.
            var parents = groupFolders.ToDictionary(f => f.Id, f => f.ParentId);
            int Depth(Guid folderId)
            {
                var depth = 0;
                for (var at = parents[folderId]; at is { } p && parents.TryGetValue(p, out var next) && depth < 256; at = next)
                {
                    depth++;
                }

                return depth;
            }

            foreach (var level in groupFolders.Where(f => f.Id != id).GroupBy(f => Depth(f.Id)).OrderByDescending(g => g.Key))
            {
                var levelIds = level.Select(f => f.Id).ToList();
                await db.Folders.Where(f => levelIds.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            }

            db.Folders.Remove(folder!);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Restored or purged by someone else meanwhile: nothing of it is deleted.
            return false;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static string PathOf(Dictionary<Guid, Folder> folders, Guid? id)
    {
        var names = new List<string>();
        for (var current = id; current is { } at && folders.TryGetValue(at, out var folder) && names.Count < 256; current = folder.ParentId)
        {
            names.Insert(0, folder.Name);
        }

        return string.Join('/', names);
    }
}
