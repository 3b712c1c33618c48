namespace DocSync.Core.Organizing;

/// <summary>What a folder (or the top level) holds, each list by name.</summary>
/// <param name="Folder">The folder listed; <see langword="null"/> for the top level.</param>
/// <param name="Folders">Its subfolders.</param>
/// <param name="Files">Its files.</param>
public sealed record FolderListing(FolderInfo? Folder, IReadOnlyList<FolderInfo> Folders, IReadOnlyList<FolderFileInfo> Files);
