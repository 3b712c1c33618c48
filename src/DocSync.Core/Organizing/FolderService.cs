using DocSync.Core.Access;
using DocSync.Core.Blobs;
using DocSync.Core.Companies;
using DocSync.Core.Errors;
using DocSync.Core.Files;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DocSync.Core.Organizing;

/// <summary>
/// Changes to the current company's tree of free files (Files): folders and files made, renamed,
/// moved (<c>FolderService.Moving.cs</c>) and put in the trash (<c>FolderService.Trash.cs</c>). Names
/// follow the file name rules and are unique among a folder's subfolders and files in use, ignoring
/// case (as in Dropbox, which Mirror copies them to). Every change is audited by the save choke point;
/// a change made from an older <c>Version</c> than the stored one is refused with 409 <c>changed-meanwhile</c>.
/// </summary>
public sealed partial class FolderService(DocSyncDbContext db, ICompanyContext company, BlobStore blobs, TimeProvider time, ILogger<FolderService> logger)
{
    /// <summary>Creates a folder. Needs <see cref="Right.ManageFiles"/>.</summary>
    /// <param name="parentId">The parent folder, or <see langword="null"/> for the top level.</param>
    /// <param name="name">Its name: 1 to 255 characters, no '/' or '\', no control characters, free in the parent.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<FolderInfo> CreateFolderAsync(Guid? parentId, string name, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageFiles);
        var checkedName = CheckName(name, "name");
        if (parentId is { } parent)
        {
            await FindFolderAsync(parent, tracked: false, cancellationToken).ConfigureAwait(false);
        }

        await EnsureFreeAsync(parentId, checkedName, "name", null, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var folder = new Folder { Id = Guid.CreateVersion7(now), CompanyId = company.CompanyId, ParentId = parentId, Name = checkedName, CreatedAt = now, Version = 1 };
        db.Folders.Add(folder);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return FolderInfo.From(folder);
    }

    /// <summary>Renames a folder (a change of case only is allowed). Needs <see cref="Right.ManageFiles"/>.</summary>
    /// <param name="folderId">The folder.</param>
    /// <param name="name">Its new name, free in its parent.</param>
    /// <param name="expectedVersion">The version the change was made from; <see langword="null"/>: whatever is stored.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<FolderInfo> RenameFolderAsync(Guid folderId, string name, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageFiles);
        var checkedName = CheckName(name, "name");
        var folder = await FindFolderAsync(folderId, tracked: true, cancellationToken).ConfigureAwait(false);
        CheckVersion(folder.Version, expectedVersion);
        await EnsureFreeAsync(folder.ParentId, checkedName, "name", folderId, cancellationToken).ConfigureAwait(false);
        folder.Name = checkedName;
        folder.Version++;
        await SaveAsync("name", cancellationToken).ConfigureAwait(false);
        return FolderInfo.From(folder);
    }

    /// <summary>Renames a file (a change of case only is allowed). Needs <see cref="Right.ManageFiles"/>.</summary>
    /// <param name="fileId">The file.</param>
    /// <param name="name">Its new name, free in its folder.</param>
    /// <param name="expectedVersion">The version the change was made from; <see langword="null"/>: whatever is stored.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<FolderFileInfo> RenameFileAsync(Guid fileId, string name, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageFiles);
        var checkedName = CheckName(name, "name");
        var file = await FindFileAsync(fileId, cancellationToken).ConfigureAwait(false);
        CheckVersion(file.Version, expectedVersion);
        await EnsureFreeAsync(file.FolderId, checkedName, "name", fileId, cancellationToken).ConfigureAwait(false);
        file.FileName = checkedName;
        file.NameKey = FileNames.Key(checkedName);
        file.Version++;
        await SaveAsync("name", cancellationToken).ConfigureAwait(false);
        return FolderFileInfo.From(file);
    }

    /// <summary>The subfolders and files of a folder, or of the top level, all of them (see <see cref="FileBrowser"/> for pages). Needs <see cref="Right.ViewDocuments"/>.</summary>
    /// <param name="folderId">The folder, or <see langword="null"/> for the top level.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<FolderListing> ListAsync(Guid? folderId = null, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ViewDocuments);
        var folder = folderId is { } id ? await FindFolderAsync(id, tracked: false, cancellationToken).ConfigureAwait(false) : null;
        var folders = await db.Folders.AsNoTracking().Where(f => f.ParentId == folderId && f.DeletedAt == null).ToListAsync(cancellationToken).ConfigureAwait(false);
        var files = await db.FolderFiles.AsNoTracking().Where(f => f.FolderId == folderId && f.DeletedAt == null).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new FolderListing(
            folder is null ? null : FolderInfo.From(folder),
            folders.OrderBy(f => f.Name, StringComparer.CurrentCultureIgnoreCase).Select(FolderInfo.From).ToList(),
            files.OrderBy(f => f.FileName, StringComparer.CurrentCultureIgnoreCase).Select(FolderFileInfo.From).ToList());
    }

    /// <summary>Adds a file to a folder or the top level. Needs <see cref="Right.ManageFiles"/>.</summary>
    /// <param name="folderId">The folder, or <see langword="null"/> for the top level.</param>
    /// <param name="fileName">Its name: 1 to 255 characters, no '/' or '\', no control characters, free in the folder.</param>
    /// <param name="contentType">Its media type, e.g. <c>application/pdf</c>.</param>
    /// <param name="content">The bytes, read once to the end.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public Task<FolderFileInfo> AddFileAsync(Guid? folderId, string fileName, string contentType, Stream content, CancellationToken cancellationToken = default) =>
        AddFileAsync(folderId, fileName, contentType, content, keepBoth: false, cancellationToken);

    /// <summary>
    /// Adds a file to a folder or the top level; with <paramref name="keepBoth"/> a name in use gets a number
    /// (<c>scan (2).pdf</c>) instead of being refused: nothing is ever overwritten. Needs <see cref="Right.ManageFiles"/>.
    /// </summary>
    /// <param name="folderId">The folder, or <see langword="null"/> for the top level.</param>
    /// <param name="fileName">Its name: 1 to 255 characters, no '/' or '\', no control characters.</param>
    /// <param name="contentType">Its media type, e.g. <c>application/pdf</c>.</param>
    /// <param name="content">The bytes, read once to the end.</param>
    /// <param name="keepBoth">Whether a name in use is numbered rather than refused.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<FolderFileInfo> AddFileAsync(Guid? folderId, string fileName, string contentType, Stream content, bool keepBoth, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        company.Demand(Right.ManageFiles);
        var checkedName = CheckName(fileName, "fileName");
        if (!FileRules.IsMediaType(contentType))
        {
            throw new ValidationFailedException("contentType", "content-type", "The content type is a media type such as application/pdf.");
        }

        if (folderId is { } target)
        {
            await FindFolderAsync(target, tracked: false, cancellationToken).ConfigureAwait(false);
        }

        checkedName = keepBoth
            ? FileNames.Free(checkedName, await NamesInAsync(folderId, null, cancellationToken).ConfigureAwait(false))
            : checkedName;
        await EnsureFreeAsync(folderId, checkedName, "fileName", null, cancellationToken).ConfigureAwait(false);
        var blob = await blobs.WriteAsync(content, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var file = new FolderFile
        {
            Id = Guid.CreateVersion7(now),
            CompanyId = company.CompanyId,
            FolderId = folderId,
            FileName = checkedName,
            NameKey = FileNames.Key(checkedName),
            ContentType = contentType,
            Sha256 = blob.Sha256,
            Length = blob.Length,
            CreatedAt = now,
            Version = 1,
        };
        db.FolderFiles.Add(file);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // A concurrent add of the same name won the unique index.
            UniqueViolation.ForgetAdded(db);
            throw NameTaken("fileName");
        }

        return FolderFileInfo.From(file);
    }

    /// <summary>Opens a file in use; the caller disposes the stream. Needs <see cref="Right.ViewDocuments"/>.</summary>
    /// <param name="fileId">The file.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<(FolderFileInfo File, Stream Content)> OpenFileAsync(Guid fileId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ViewDocuments);
        var file = await db.FolderFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId && f.DeletedAt == null, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("file", fileId);
        return (FolderFileInfo.From(file), blobs.OpenRead(file.Sha256));
    }

    private static string CheckName(string name, string field) =>
        FileRules.NameError(name) is { } error ? throw new ValidationFailedException(field, "file-name", error) : name.Normalize();

    private static void CheckVersion(int stored, int? expected)
    {
        if (expected is { } version && version != stored)
        {
            throw ChangedMeanwhile();
        }
    }

    private static ConflictException ChangedMeanwhile() =>
        new("version", "changed-meanwhile", "Someone changed this meanwhile; look at it again and repeat the change if it still applies.");

    /// <summary>Saves, turning a lost race on a version (another change saved first) into 409 <c>changed-meanwhile</c> and a name taken meanwhile into <c>name-taken</c>.</summary>
    private async Task SaveAsync(string nameField, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw ChangedMeanwhile();
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw NameTaken(nameField);
        }
    }

    private async Task<Folder> FindFolderAsync(Guid folderId, bool tracked, CancellationToken cancellationToken)
    {
        var folders = tracked ? db.Folders : db.Folders.AsNoTracking();
        return await folders.SingleOrDefaultAsync(f => f.Id == folderId && f.DeletedAt == null, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("folder", folderId);
    }

    private async Task<FolderFile> FindFileAsync(Guid fileId, CancellationToken cancellationToken) =>
        await db.FolderFiles.SingleOrDefaultAsync(f => f.Id == fileId && f.DeletedAt == null, cancellationToken).ConfigureAwait(false)
        ?? throw new NotFoundException("file", fileId);

    /// <summary>The names of the subfolders and files in use in <paramref name="parentId"/>, but <paramref name="self"/>.</summary>
    internal static async Task<List<string>> NamesInAsync(DocSyncDbContext db, Guid? parentId, Guid? self, CancellationToken cancellationToken)
    {
        // Compared in .NET rather than in SQL: SQLite's lower() folds ASCII only.
        var names = await db.Folders.AsNoTracking().Where(f => f.ParentId == parentId && f.DeletedAt == null && f.Id != self).Select(f => f.Name)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        names.AddRange(await db.FolderFiles.AsNoTracking().Where(f => f.FolderId == parentId && f.DeletedAt == null && f.Id != self).Select(f => f.FileName)
            .ToListAsync(cancellationToken).ConfigureAwait(false));
        return names;
    }

    private Task<List<string>> NamesInAsync(Guid? parentId, Guid? self, CancellationToken cancellationToken) => NamesInAsync(db, parentId, self, cancellationToken);

    /// <summary>Throws unless no other subfolder or file in use of <paramref name="parentId"/> has <paramref name="name"/> (ignoring case).</summary>
    private async Task EnsureFreeAsync(Guid? parentId, string name, string field, Guid? self, CancellationToken cancellationToken)
    {
        if ((await NamesInAsync(parentId, self, cancellationToken).ConfigureAwait(false)).Any(n => FileRules.SameName(n, name)))
        {
            throw NameTaken(field);
        }
    }

    /// <summary>
    /// Stops tracking every folder and file but <paramref name="keep"/> before bulk statements change rows behind the
    /// unit of work: tracked copies would go stale, and deleting a tracked folder would cascade to tracked files already gone.
    /// </summary>
    internal static void ForgetTrackedTree(DocSyncDbContext db, object keep)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is Folder or FolderFile && !ReferenceEquals(e.Entity, keep)).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private static ConflictException NameTaken(string field) =>
        new(field, "name-taken", "A folder or file with this name exists already here (names ignore case).");
}
