using DocSync.Core.Access;
using DocSync.Core.Blobs;
using DocSync.Core.Companies;
using DocSync.Core.Errors;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DocSync.Core.Organizing;

/// <summary>
/// The current company's folders of free attachments. Names follow the file name rules and are
/// unique among a folder's subfolders and files, ignoring case (as in Dropbox, which Mirror
/// copies them to). Files live in folders; the top level holds folders only.
/// </summary>
public sealed class FolderService(DocSyncDbContext db, ICompanyContext company, BlobStore blobs, TimeProvider time, ILogger<FolderService> logger)
{
    /// <summary>Creates a folder. Needs <see cref="Right.ManageFolders"/>.</summary>
    /// <param name="parentId">The parent folder, or <see langword="null"/> for the top level.</param>
    /// <param name="name">Its name: 1 to 255 characters, no '/' or '\', no control characters, free in the parent.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<FolderInfo> CreateFolderAsync(Guid? parentId, string name, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageFolders);
        var checkedName = CheckName(name, "name");
        if (parentId is { } parent)
        {
            await FindFolderAsync(parent, tracked: false, cancellationToken).ConfigureAwait(false);
        }

        await EnsureFreeAsync(parentId, checkedName, "name", null, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var folder = new Folder { Id = Guid.CreateVersion7(now), CompanyId = company.CompanyId, ParentId = parentId, Name = checkedName, CreatedAt = now };
        db.Folders.Add(folder);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return FolderInfo.From(folder);
    }

    /// <summary>Renames a folder (a change of case only is allowed). Needs <see cref="Right.ManageFolders"/>.</summary>
    /// <param name="folderId">The folder.</param>
    /// <param name="name">Its new name, free in its parent.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<FolderInfo> RenameFolderAsync(Guid folderId, string name, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageFolders);
        var checkedName = CheckName(name, "name");
        var folder = await FindFolderAsync(folderId, tracked: true, cancellationToken).ConfigureAwait(false);
        await EnsureFreeAsync(folder.ParentId, checkedName, "name", folderId, cancellationToken).ConfigureAwait(false);
        folder.Name = checkedName;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return FolderInfo.From(folder);
    }

    /// <summary>Deletes an empty folder; one with subfolders or files throws <see cref="ConflictException"/>. Needs <see cref="Right.ManageFolders"/>.</summary>
    /// <param name="folderId">The folder.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task DeleteFolderAsync(Guid folderId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageFolders);
        var folder = await FindFolderAsync(folderId, tracked: true, cancellationToken).ConfigureAwait(false);
        if (await db.Folders.AnyAsync(f => f.ParentId == folderId, cancellationToken).ConfigureAwait(false)
            || await db.FolderFiles.AnyAsync(f => f.FolderId == folderId, cancellationToken).ConfigureAwait(false))
        {
            throw new ConflictException("id", "not-empty", "The folder is not empty; delete or move what it holds first.");
        }

        db.Folders.Remove(folder);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        OrganizingLog.FolderDeleted(logger, folderId, folder.CompanyId);
    }

    /// <summary>The subfolders and files of a folder, or the top-level folders. Needs <see cref="Right.ViewDocuments"/>.</summary>
    /// <param name="folderId">The folder, or <see langword="null"/> for the top level.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<FolderListing> ListAsync(Guid? folderId = null, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ViewDocuments);
        var folder = folderId is { } id ? await FindFolderAsync(id, tracked: false, cancellationToken).ConfigureAwait(false) : null;
        var folders = await db.Folders.AsNoTracking().Where(f => f.ParentId == folderId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var files = folderId is { } parent
            ? await db.FolderFiles.AsNoTracking().Where(f => f.FolderId == parent).ToListAsync(cancellationToken).ConfigureAwait(false)
            : [];
        return new FolderListing(
            folder is null ? null : FolderInfo.From(folder),
            folders.OrderBy(f => f.Name, StringComparer.CurrentCultureIgnoreCase).Select(FolderInfo.From).ToList(),
            files.OrderBy(f => f.FileName, StringComparer.CurrentCultureIgnoreCase).Select(FolderFileInfo.From).ToList());
    }

    /// <summary>Adds a file to a folder. Needs <see cref="Right.ManageFolders"/>.</summary>
    /// <param name="folderId">The folder.</param>
    /// <param name="fileName">Its name: 1 to 255 characters, no '/' or '\', no control characters, free in the folder.</param>
    /// <param name="contentType">Its media type, e.g. <c>application/pdf</c>.</param>
    /// <param name="content">The bytes, read once to the end.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<FolderFileInfo> AddFileAsync(Guid folderId, string fileName, string contentType, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        company.Demand(Right.ManageFolders);
        var checkedName = CheckName(fileName, "fileName");
        if (!FileRules.IsMediaType(contentType))
        {
            throw new ValidationFailedException("contentType", "content-type", "The content type is a media type such as application/pdf.");
        }

        await FindFolderAsync(folderId, tracked: false, cancellationToken).ConfigureAwait(false);
        await EnsureFreeAsync(folderId, checkedName, "fileName", null, cancellationToken).ConfigureAwait(false);
        var blob = await blobs.WriteAsync(content, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var file = new FolderFile
        {
            Id = Guid.CreateVersion7(now),
            CompanyId = company.CompanyId,
            FolderId = folderId,
            FileName = checkedName,
            ContentType = contentType,
            Sha256 = blob.Sha256,
            Length = blob.Length,
            CreatedAt = now,
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

    /// <summary>Opens a folder file; the caller disposes the stream. Needs <see cref="Right.ViewDocuments"/>.</summary>
    /// <param name="fileId">The file.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<(FolderFileInfo File, Stream Content)> OpenFileAsync(Guid fileId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ViewDocuments);
        var file = await db.FolderFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("file", fileId);
        return (FolderFileInfo.From(file), blobs.OpenRead(file.Sha256));
    }

    /// <summary>Deletes a folder file (its blob stays: other rows may share the content). Needs <see cref="Right.ManageFolders"/>.</summary>
    /// <param name="fileId">The file.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task DeleteFileAsync(Guid fileId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageFolders);
        var file = await db.FolderFiles.SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("file", fileId);
        db.FolderFiles.Remove(file);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        OrganizingLog.FolderFileDeleted(logger, fileId, file.CompanyId);
    }

    private static string CheckName(string name, string field) =>
        FileRules.NameError(name) is { } error ? throw new ValidationFailedException(field, "file-name", error) : name.Normalize();

    private async Task<Folder> FindFolderAsync(Guid folderId, bool tracked, CancellationToken cancellationToken)
    {
        var folders = tracked ? db.Folders : db.Folders.AsNoTracking();
        return await folders.SingleOrDefaultAsync(f => f.Id == folderId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("folder", folderId);
    }

    /// <summary>Throws unless no other subfolder or file of <paramref name="parentId"/> has <paramref name="name"/> (ignoring case).</summary>
    private async Task EnsureFreeAsync(Guid? parentId, string name, string field, Guid? self, CancellationToken cancellationToken)
    {
        // Compared here rather than in SQL: SQLite's lower() folds ASCII only.
        var names = await db.Folders.AsNoTracking().Where(f => f.ParentId == parentId && f.Id != self).Select(f => f.Name)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (parentId is { } folderId)
        {
            names.AddRange(await db.FolderFiles.AsNoTracking().Where(f => f.FolderId == folderId).Select(f => f.FileName)
                .ToListAsync(cancellationToken).ConfigureAwait(false));
        }

        if (names.Any(n => FileRules.SameName(n, name)))
        {
            throw NameTaken(field);
        }
    }

    private static ConflictException NameTaken(string field) =>
        new(field, "name-taken", "A folder or file with this name exists already here (names ignore case).");
}
