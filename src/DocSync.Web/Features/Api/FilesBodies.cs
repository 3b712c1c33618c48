using DocSync.Core.Files;
using DocSync.Core.Organizing;

namespace DocSync.Web.Features.Api;

/// <summary>A folder in Files as the API shows it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="ParentId">Its parent; null at the top level.</param>
/// <param name="Name">Its name.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="Version">Send it back with a rename, move or delete: a change made meanwhile answers 409 changed-meanwhile.</param>
public sealed record FolderBody(Guid Id, Guid? ParentId, string Name, DateTimeOffset CreatedAt, int Version)
{
    internal static FolderBody From(FolderInfo f) => new(f.Id, f.ParentId, f.Name, f.CreatedAt, f.Version);
}

/// <summary>A file in Files as the API shows it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="FolderId">Its folder; null at the top level.</param>
/// <param name="FileName">Its name.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="Sha256">SHA-256 of its bytes.</param>
/// <param name="CreatedAt">When it was added.</param>
/// <param name="Version">Send it back with a rename, move or delete: a change made meanwhile answers 409 changed-meanwhile.</param>
public sealed record FolderFileBody(Guid Id, Guid? FolderId, string FileName, string ContentType, long Length, string Sha256, DateTimeOffset CreatedAt, int Version)
{
    internal static FolderFileBody From(FolderFileInfo f) => new(f.Id, f.FolderId, f.FileName, f.ContentType, f.Length, f.Sha256, f.CreatedAt, f.Version);
}

/// <summary>One page of a folder (or of the top level).</summary>
/// <param name="Folder">The folder; null for the top level.</param>
/// <param name="Path">The folders from the top down to it.</param>
/// <param name="Folders">Its subfolders (first page only).</param>
/// <param name="Files">This page's files, by name.</param>
/// <param name="FileCount">How many files it holds.</param>
/// <param name="Next">Pass as <c>after</c> for the next page; null on the last.</param>
public sealed record FolderPageBody(FolderBody? Folder, IReadOnlyList<FolderBody> Path, IReadOnlyList<FolderBody> Folders, IReadOnlyList<FolderFileBody> Files, int FileCount, string? Next)
{
    internal static FolderPageBody From(FolderPage p) => new(p.Folder is null ? null : FolderBody.From(p.Folder), p.Path.Select(FolderBody.From).ToList(),
        p.Folders.Select(FolderBody.From).ToList(), p.Files.Select(FolderFileBody.From).ToList(), p.FileCount, p.Next);
}

/// <summary>A file found by name, with its folder's path.</summary>
/// <param name="File">The file.</param>
/// <param name="FolderPath">Its folder's path from the top ("" at the top level).</param>
public sealed record FileHitBody(FolderFileBody File, string FolderPath);

/// <summary>Something in the trash.</summary>
/// <param name="Id">The file's or folder's id.</param>
/// <param name="Kind">file or folder.</param>
/// <param name="Name">Its name.</param>
/// <param name="FromPath">Where it was ("" for the top level).</param>
/// <param name="DeletedAt">When it was deleted.</param>
/// <param name="PurgeAt">When it is purged unless restored.</param>
/// <param name="Files">How many files it holds.</param>
/// <param name="Bytes">Their size.</param>
public sealed record TrashItemBody(Guid Id, string Kind, string Name, string FromPath, DateTimeOffset DeletedAt, DateTimeOffset PurgeAt, int Files, long Bytes)
{
    internal static TrashItemBody From(TrashItem i) => new(i.Id, i.IsFolder ? "folder" : "file", i.Name, i.FromPath, i.DeletedAt, i.PurgeAt, i.Files, i.Bytes);
}

/// <summary>A new folder.</summary>
/// <param name="Name">Its name.</param>
/// <param name="ParentId">The folder it goes in; null or absent for the top level.</param>
public sealed record NewFolderBody(string Name, Guid? ParentId);

/// <summary>A new name.</summary>
/// <param name="Name">The name.</param>
/// <param name="Version">The version the rename was decided from (optional).</param>
public sealed record RenameBody(string Name, int? Version);

/// <summary>Where a file or folder goes.</summary>
/// <param name="TargetFolderId">The folder; null for the top level.</param>
/// <param name="Version">The version the move was decided from (optional).</param>
public sealed record MoveBody(Guid? TargetFolderId, int? Version);

/// <summary>What a zip holds.</summary>
/// <param name="FileIds">Files.</param>
/// <param name="FolderIds">Folders, each with all it holds.</param>
public sealed record ZipBody(IReadOnlyList<Guid>? FileIds, IReadOnlyList<Guid>? FolderIds);

/// <summary>What a restore did.</summary>
/// <param name="Name">The name it has now (with " (restored)" when its own was taken).</param>
/// <param name="FolderId">Its folder now; null for the top level.</param>
public sealed record RestoredBody(string Name, Guid? FolderId);

/// <summary>A folder with its path, in the tree.</summary>
/// <param name="Folder">The folder.</param>
/// <param name="Path">Its path from the top, its own name last.</param>
public sealed record FolderTreeBody(FolderBody Folder, string Path);
