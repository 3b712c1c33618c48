using System.Text;
using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Documents;
using DocSync.Core.Errors;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Files;

/// <summary>
/// Reads Files for the current company: a folder page by page (keyset paging on the folded name, so
/// the 500th page of a 10,000-file folder costs what the first does), the folder tree, searches by
/// name, documents' attachments, and what a zip of a selection holds. Needs <see cref="Right.ViewDocuments"/>.
/// </summary>
public sealed class FileBrowser(DocSyncDbContext db, ICompanyContext company)
{
    /// <summary>The largest page.</summary>
    public const int MaxPageSize = 500;

    /// <summary>One page of a folder's files (its subfolders with the first page).</summary>
    /// <param name="folderId">The folder; <see langword="null"/>: the top level.</param>
    /// <param name="after">The <see cref="FolderPage.Next"/> of the page before; <see langword="null"/>: the first page.</param>
    /// <param name="pageSize">Files per page, 1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<FolderPage> PageAsync(Guid? folderId, string? after = null, int pageSize = 100, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ViewDocuments);
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new ValidationFailedException("pageSize", "range", $"A page holds 1 to {MaxPageSize} files.");
        }

        var afterKey = after is null ? null : DecodeKey(after);
        var path = await PathAsync(folderId, cancellationToken).ConfigureAwait(false);
        var count = await db.FolderFiles.AsNoTracking().CountAsync(f => f.FolderId == folderId && f.DeletedAt == null, cancellationToken).ConfigureAwait(false);
        var rows = await PageQuery(folderId, afterKey, pageSize + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<FolderInfo> folders = [];
        if (afterKey is null)
        {
            folders = (await db.Folders.AsNoTracking().Where(f => f.ParentId == folderId && f.DeletedAt == null).ToListAsync(cancellationToken).ConfigureAwait(false))
                .OrderBy(f => f.Name, StringComparer.CurrentCultureIgnoreCase).Select(FolderInfo.From).ToList();
        }

        var more = rows.Count > pageSize;
        var shown = rows.Take(pageSize).ToList();
        return new FolderPage(path.Count > 0 ? path[^1] : null, path, folders, shown.Select(FolderFileInfo.From).ToList(), count,
            more ? EncodeKey(shown[^1].NameKey) : null);
    }

    /// <summary>The query of one page: files in use of the folder after the key, by key (served by the index on FolderId, NameKey).</summary>
    internal IQueryable<FolderFile> PageQuery(Guid? folderId, string? afterKey, int take)
    {
        var files = db.FolderFiles.AsNoTracking().Where(f => f.FolderId == folderId && f.DeletedAt == null);
        return (afterKey is null ? files : files.Where(f => string.Compare(f.NameKey, afterKey) > 0)).OrderBy(f => f.NameKey).Take(take);
    }

    /// <summary>A file in use. Needs <see cref="Right.ViewDocuments"/>.</summary>
    /// <param name="fileId">The file.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<FolderFileInfo> GetFileAsync(Guid fileId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ViewDocuments);
        var file = await db.FolderFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId && f.DeletedAt == null, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("file", fileId);
        return FolderFileInfo.From(file);
    }

    /// <summary>The folders from the top down to <paramref name="folderId"/> (empty for the top level); a folder not in use is not found.</summary>
    /// <param name="folderId">The folder.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<FolderInfo>> PathAsync(Guid? folderId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ViewDocuments);
        var path = new List<FolderInfo>();
        for (var id = folderId; id is { } current && path.Count < 256;)
        {
            var folder = await db.Folders.AsNoTracking().SingleOrDefaultAsync(f => f.Id == current && f.DeletedAt == null, cancellationToken).ConfigureAwait(false)
                ?? throw new NotFoundException("folder", current);
            path.Insert(0, FolderInfo.From(folder));
            id = folder.ParentId;
        }

        return path;
    }

    /// <summary>Every folder in use, each with its path (for "move to" choices), by path.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<(FolderInfo Folder, string Path)>> TreeAsync(CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ViewDocuments);
        var folders = (await db.Folders.AsNoTracking().Where(f => f.DeletedAt == null).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(f => f.Id);
        return folders.Values.Select(f => (FolderInfo.From(f), PathOf(folders, f.Id)))
            .OrderBy(f => f.Item2, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>Files in use whose name holds <paramref name="text"/> (ignoring case), anywhere in Files, by name.</summary>
    /// <param name="text">What to look for.</param>
    /// <param name="limit">At most this many, 1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<FileHit>> SearchAsync(string text, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        company.Demand(Right.ViewDocuments);
        var key = FileNames.Key(text.Trim());
        if (key.Length == 0)
        {
            return [];
        }

        var files = await db.FolderFiles.AsNoTracking().Where(f => f.DeletedAt == null && f.NameKey.Contains(key))
            .OrderBy(f => f.NameKey).Take(Math.Clamp(limit, 1, MaxPageSize)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var folders = await db.Folders.AsNoTracking().Where(f => f.DeletedAt == null).ToDictionaryAsync(f => f.Id, cancellationToken).ConfigureAwait(false);
        return files.Select(f => new FileHit(FolderFileInfo.From(f), f.FolderId is { } id ? PathOf(folders, id) : "")).ToList();
    }

    /// <summary>The attachments of documents in use (their current versions), newest document first; a name filter when <paramref name="text"/> is given.</summary>
    /// <param name="text">Words in the file name, or <see langword="null"/>.</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Per page, 1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<PagedResult<AttachmentInfo>> AttachmentsAsync(string? text = null, int page = 1, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ViewDocuments);
        var errors = Paging.Check(page, pageSize, MaxPageSize).ToList();
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var query = from file in db.DocumentFiles.AsNoTracking()
                    join document in db.Documents.AsNoTracking() on file.DocumentId equals document.Id
                    where document.DeletedAt == null && file.Kind == DocumentFileKind.Attachment
                          && file.AddedInVersion <= document.CurrentVersion
                          && (file.RemovedInVersion == null || file.RemovedInVersion > document.CurrentVersion)
                    select new { file, document };
        if (!string.IsNullOrWhiteSpace(text))
        {
            // File names are few per document; the filter runs on the page's candidates in .NET to fold case beyond ASCII.
            var key = FileNames.Key(text.Trim());
            var all = await query.Select(x => new { x.file.Id, x.file.FileName }).ToListAsync(cancellationToken).ConfigureAwait(false);
            var ids = all.Where(x => FileNames.Key(x.FileName).Contains(key, StringComparison.Ordinal)).Select(x => x.Id).ToList();
            query = query.Where(x => ids.Contains(x.file.Id));
        }

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await query.OrderByDescending(x => x.document.Id).ThenBy(x => x.file.FileName).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new AttachmentInfo(x.document.Id, x.document.Number, x.file.Id, x.file.FileName, x.file.ContentType, x.file.Length))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<AttachmentInfo>(items, page, pageSize, total);
    }

    /// <summary>
    /// What a zip of <paramref name="fileIds"/> and <paramref name="folderIds"/> (each folder with all it holds) contains,
    /// with each entry's path (made safe and unique by <see cref="ZipPlan"/>). Unknown ids are not found.
    /// </summary>
    /// <param name="fileIds">Files in use.</param>
    /// <param name="folderIds">Folders in use.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<ZipPlan.Entry>> ZipEntriesAsync(IReadOnlyCollection<Guid> fileIds, IReadOnlyCollection<Guid> folderIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fileIds);
        ArgumentNullException.ThrowIfNull(folderIds);
        company.Demand(Right.ViewDocuments);
        var folders = await db.Folders.AsNoTracking().Where(f => f.DeletedAt == null).ToDictionaryAsync(f => f.Id, cancellationToken).ConfigureAwait(false);
        var items = new List<ZipPlan.Item>();
        var files = await db.FolderFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id) && f.DeletedAt == null).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (files.Count != fileIds.Distinct().Count())
        {
            throw new NotFoundException("file", fileIds.First(id => files.All(f => f.Id != id)));
        }

        items.AddRange(files.OrderBy(f => f.NameKey, StringComparer.Ordinal).Select(f => new ZipPlan.Item([f.FileName], FolderFileInfo.From(f))));
        var children = folders.Values.Where(f => f.ParentId is not null).ToLookup(f => f.ParentId!.Value);
        foreach (var folderId in folderIds.Distinct())
        {
            if (!folders.TryGetValue(folderId, out var top))
            {
                throw new NotFoundException("folder", folderId);
            }

            // Every folder below, with its path inside the zip (the folder's own name first).
            var paths = new Dictionary<Guid, string[]> { [top.Id] = [top.Name] };
            var pending = new Queue<Folder>([top]);
            while (pending.TryDequeue(out var folder))
            {
                foreach (var child in children[folder.Id].OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase))
                {
                    paths[child.Id] = [.. paths[folder.Id], child.Name];
                    pending.Enqueue(child);
                }
            }

            var ids = paths.Keys.ToList();
            var inside = await db.FolderFiles.AsNoTracking().Where(f => f.FolderId != null && ids.Contains(f.FolderId.Value) && f.DeletedAt == null)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            items.AddRange(inside.OrderBy(f => paths[f.FolderId!.Value].Length).ThenBy(f => string.Join('/', paths[f.FolderId!.Value]), StringComparer.OrdinalIgnoreCase)
                .ThenBy(f => f.NameKey, StringComparer.Ordinal)
                .Select(f => new ZipPlan.Item([.. paths[f.FolderId!.Value], f.FileName], FolderFileInfo.From(f))));
        }

        return ZipPlan.Plan(items);
    }

    private static string PathOf(Dictionary<Guid, Folder> folders, Guid id)
    {
        var names = new List<string>();
        for (Guid? current = id; current is { } at && folders.TryGetValue(at, out var folder) && names.Count < 256; current = folder.ParentId)
        {
            names.Insert(0, folder.Name);
        }

        return string.Join('/', names);
    }

    private static string EncodeKey(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes(key)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string DecodeKey(string after)
    {
        try
        {
            var text = after.Replace('-', '+').Replace('_', '/');
            text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
            return new UTF8Encoding(false, true).GetString(Convert.FromBase64String(text));
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            throw new ValidationFailedException("after", "format", "The page key is not one DocSync gave out.");
        }
    }
}
