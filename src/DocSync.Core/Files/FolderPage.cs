using DocSync.Core.Organizing;

namespace DocSync.Core.Files;

/// <summary>One page of a folder in Files.</summary>
/// <param name="Folder">The folder; <see langword="null"/> for the top level.</param>
/// <param name="Path">The folders from the top down to <paramref name="Folder"/>, for a breadcrumb.</param>
/// <param name="Folders">Its subfolders by name (on the first page only).</param>
/// <param name="Files">This page's files by name.</param>
/// <param name="FileCount">How many files the folder holds.</param>
/// <param name="Next">The key of the next page; <see langword="null"/> on the last one.</param>
public sealed record FolderPage(FolderInfo? Folder, IReadOnlyList<FolderInfo> Path, IReadOnlyList<FolderInfo> Folders, IReadOnlyList<FolderFileInfo> Files, int FileCount, string? Next);

/// <summary>A file found by a search, with the folders above it.</summary>
/// <param name="File">The file.</param>
/// <param name="FolderPath">Its folder's path from the top, e.g. <c>Contracts/2026</c>; empty at the top level.</param>
public sealed record FileHit(FolderFileInfo File, string FolderPath);

/// <summary>A document's attachment, shown read-only in Files beside the free files.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="DocumentNumber">Its number.</param>
/// <param name="FileId">The file.</param>
/// <param name="FileName">Its name.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="Length">Size in bytes.</param>
public sealed record AttachmentInfo(Guid DocumentId, string DocumentNumber, Guid FileId, string FileName, string ContentType, long Length);

/// <summary>Something in the trash: a file, or a folder with what it held.</summary>
/// <param name="Id">The file's or folder's id (restore and purge name it).</param>
/// <param name="IsFolder">Whether it is a folder.</param>
/// <param name="Name">Its name.</param>
/// <param name="FromPath">Where it was, e.g. <c>Contracts/2026</c>; empty for the top level.</param>
/// <param name="DeletedAt">When it went to the trash.</param>
/// <param name="PurgeAt">When it is purged unless restored.</param>
/// <param name="Files">How many files it holds (1 for a file).</param>
/// <param name="Bytes">Their size.</param>
public sealed record TrashItem(Guid Id, bool IsFolder, string Name, string FromPath, DateTimeOffset DeletedAt, DateTimeOffset PurgeAt, int Files, long Bytes);
