namespace DocSync.Core.Export.Presence;

/// <summary>A file DocSync put in Dropbox, as the check sees it (from <see cref="ExportedFile"/>).</summary>
/// <param name="Id">The exported-file row.</param>
/// <param name="DocumentId">Its document.</param>
/// <param name="PathKey">Its path's comparison key (NFC, lower case).</param>
/// <param name="DropboxId">Dropbox's id of the file.</param>
/// <param name="ExportedAt">When DocSync last wrote it.</param>
/// <param name="Missing">Whether an earlier check found it missing (held for a person).</param>
public sealed record CheckedFile(Guid Id, Guid DocumentId, string PathKey, string DropboxId, DateTimeOffset ExportedAt, bool Missing);

/// <summary>One entry Dropbox listed, reduced to what the check needs.</summary>
/// <param name="PathKey">The entry's path key (NFC, lower case).</param>
/// <param name="DropboxId">The file's id (<see langword="null"/> for deleted entries and folders).</param>
/// <param name="Kind">File, folder or deleted.</param>
public sealed record ListedEntry(string PathKey, string? DropboxId, ListedKind Kind);

/// <summary>What a listed entry is.</summary>
public enum ListedKind
{
    /// <summary>A file.</summary>
    File = 0,

    /// <summary>A folder.</summary>
    Folder = 1,

    /// <summary>Something deleted at that path (a file, or a folder with everything under it).</summary>
    Deleted = 2,
}

/// <summary>What the check found.</summary>
/// <param name="Gone">Files no longer in Dropbox, newly found (to put back, or to hold for a person).</param>
/// <param name="Back">Files an earlier check held as missing that are in Dropbox again (nothing to put back).</param>
public sealed record PresencePlan(IReadOnlyList<CheckedFile> Gone, IReadOnlyList<CheckedFile> Back)
{
    /// <summary>Nothing to do.</summary>
    public bool IsEmpty => Gone.Count == 0 && Back.Count == 0;
}

/// <summary>
/// Export's check of what is still in Dropbox, as a pure function: which of the files DocSync put there
/// are gone. A file counts as there when a file sits at its path <em>or</em> its Dropbox id is listed
/// anywhere (a person moved or renamed it: that is their choice, never "put back" as a second copy).
/// Only an explicit deletion, or absence from a complete listing, makes a file gone — an empty change
/// set finds nothing, and nothing here ever deletes.
/// </summary>
public static class PresencePlanner
{
    /// <summary>
    /// From a complete listing of the profile's folder, started at <paramref name="listedFrom"/>: files
    /// written after the listing began are left alone (the listing may predate them).
    /// </summary>
    /// <param name="files">The profile's exported files.</param>
    /// <param name="listing">Every entry under the profile's folder.</param>
    /// <param name="listedFrom">When the listing started.</param>
    public static PresencePlan FromListing(IReadOnlyCollection<CheckedFile> files, IReadOnlyCollection<ListedEntry> listing, DateTimeOffset listedFrom)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(listing);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in listing.Where(e => e.Kind == ListedKind.File))
        {
            paths.Add(entry.PathKey);
            if (entry.DropboxId is { Length: > 0 } id)
            {
                ids.Add(id);
            }
        }
        var gone = new List<CheckedFile>();
        var back = new List<CheckedFile>();
        foreach (var file in files.OrderBy(f => f.PathKey, StringComparer.Ordinal))
        {
            var there = paths.Contains(file.PathKey) || ids.Contains(file.DropboxId);
            if (!there && !file.Missing && file.ExportedAt <= listedFrom)
            {
                gone.Add(file);
            }
            else if (there && file.Missing)
            {
                back.Add(file);
            }
        }
        return new PresencePlan(gone, back);
    }

    /// <summary>
    /// From the changes since the last check, in Dropbox's order (a later entry for a path overrides an
    /// earlier one; deleting a folder deletes everything under it).
    /// </summary>
    /// <param name="files">The profile's exported files.</param>
    /// <param name="changes">The changed entries, in the order Dropbox listed them.</param>
    public static PresencePlan FromChanges(IReadOnlyCollection<CheckedFile> files, IReadOnlyList<ListedEntry> changes)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(changes);
        // Per path, the last entry (what sits there now) and the last deletion (which also takes away
        // everything under that path, whatever was written at the path itself afterwards).
        var last = new Dictionary<string, (int Index, ListedKind Kind)>(StringComparer.Ordinal);
        var deleted = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < changes.Count; i++)
        {
            var entry = changes[i];
            last[entry.PathKey] = (i, entry.Kind);
            if (entry.Kind == ListedKind.Deleted)
            {
                deleted[entry.PathKey] = i;
            }
            if (entry.Kind == ListedKind.File && entry.DropboxId is { Length: > 0 } id)
            {
                ids.Add(id);
            }
        }
        var gone = new List<CheckedFile>();
        var back = new List<CheckedFile>();
        foreach (var file in files.OrderBy(f => f.PathKey, StringComparer.Ordinal))
        {
            var state = LastTouch(file.PathKey, last, deleted);
            if (ids.Contains(file.DropboxId) || state == ListedKind.File)
            {
                if (file.Missing)
                {
                    back.Add(file);
                }
            }
            else if (state == ListedKind.Deleted && !file.Missing)
            {
                gone.Add(file);
            }
        }
        return new PresencePlan(gone, back);
    }

    /// <summary>What the latest change touching <paramref name="pathKey"/> did: at the path itself, or a deletion of a folder above it.</summary>
    private static ListedKind? LastTouch(string pathKey, Dictionary<string, (int Index, ListedKind Kind)> last, Dictionary<string, int> deleted)
    {
        // A folder now at the file's own path means the file is not there any more.
        (int Index, ListedKind Kind)? latest = last.TryGetValue(pathKey, out var own)
            ? (own.Index, own.Kind == ListedKind.Folder ? ListedKind.Deleted : own.Kind)
            : null;
        for (var slash = pathKey.LastIndexOf('/'); slash > 0; slash = pathKey.LastIndexOf('/', slash - 1))
        {
            if (deleted.TryGetValue(pathKey[..slash], out var index) && (latest is null || index > latest.Value.Index))
            {
                latest = (index, ListedKind.Deleted);
            }
        }
        return latest?.Kind;
    }
}
