using DocSync.Dropbox;

namespace DocSync.Core.Collect.Planning;

/// <summary>A file as a listing shows it: what the planner decides on.</summary>
/// <param name="Id">Dropbox's file id (<c>id:…</c>), stable across renames and moves.</param>
/// <param name="ContentHash">Dropbox's content hash (<c>rev:…</c> when Dropbox gave none).</param>
/// <param name="Rev">The revision listed.</param>
/// <param name="PathLower">Its path in lower case (the order of a run).</param>
/// <param name="PathDisplay">Its path as Dropbox displays it.</param>
/// <param name="Size">Bytes.</param>
/// <param name="IsDownloadable">Whether Dropbox lets it be downloaded.</param>
/// <param name="ServerModified">When Dropbox stored this revision.</param>
public sealed record ListedFile(string Id, string ContentHash, string Rev, string PathLower, string? PathDisplay, long Size, bool IsDownloadable, DateTimeOffset ServerModified)
{
    /// <summary>The file as listed.</summary>
    /// <param name="file">Dropbox's metadata.</param>
    public static ListedFile From(FileMetadata file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new(file.Id, HashOf(file), file.Rev, file.PathLower ?? file.Name.ToLowerInvariant(), file.PathDisplay, file.Size, file.IsDownloadable, file.ServerModified);
    }

    /// <summary>The ledger's content key: Dropbox's hash, or the revision when Dropbox gave none.</summary>
    /// <param name="file">Dropbox's metadata.</param>
    public static string HashOf(FileMetadata file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.ContentHash is { Length: > 0 } hash ? hash : "rev:" + file.Rev;
    }
}

/// <summary>What the ledger knows of one (file id, content hash).</summary>
/// <param name="FileId">The Dropbox file id.</param>
/// <param name="ContentHash">The content hash the row is about.</param>
/// <param name="Rev">The revision last seen.</param>
/// <param name="Path">Where it was last seen.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Reason">Why it was skipped or failed.</param>
/// <param name="NextAttemptAt">A failure that may pass: not tried again (except by "Run now") before this moment.</param>
/// <param name="AfterActionDone">Whether the after-collection action is done.</param>
public sealed record LedgerRow(string FileId, string ContentHash, string Rev, string Path, CollectedFileStatus Status, string? Reason, DateTimeOffset? NextAttemptAt,
    bool AfterActionDone)
{
    /// <summary>The planner's view of a ledger row.</summary>
    /// <param name="row">The row.</param>
    public static LedgerRow From(CollectedFile row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.DropboxFileId, row.ContentHash, row.Rev, row.Path, row.Status, row.Reason, row.NextAttemptAt, row.AfterActionDone);
    }
}

/// <summary>The channel's settings and the run's terms that decisions depend on.</summary>
/// <param name="CollectChangedContent">Whether a collected file whose content changed is collected again.</param>
/// <param name="AfterCollect">What happens to a collected file.</param>
/// <param name="StableAge">A file changed longer ago than this is taken at first sight; a younger one must keep its revision across two looks.</param>
/// <param name="MaxFileSize">Largest file collected, in bytes.</param>
/// <param name="Manual">Whether a person pressed "Run now" (failed files are tried again without waiting for their backoff).</param>
public sealed record PlanSettings(bool CollectChangedContent, AfterCollect AfterCollect, TimeSpan StableAge, long MaxFileSize, bool Manual);

/// <summary>What a run does with a listed file.</summary>
public enum CollectAction
{
    /// <summary>Download, read and file it.</summary>
    Collect = 1,

    /// <summary>It changed moments ago: note its revision, look again shortly (<see cref="CollectReasons.StillChanging"/>).</summary>
    Wait = 2,

    /// <summary>Deliberately not collected: duplicate content, changed content the channel keeps out, empty (ledger status Skipped).</summary>
    Skip = 3,

    /// <summary>Cannot be collected, as its metadata shows: too large, not downloadable (ledger status Failed, final).</summary>
    Refuse = 4,

    /// <summary>Collected or settled before and renamed or moved since: its new place is noted, it is not collected again.</summary>
    NoteMove = 5,

    /// <summary>Collected before, its after-collection action (move, delete) left undone: do it now.</summary>
    FinishAfterAction = 6,

    /// <summary>Nothing to do: settled before where it is, or failed moments ago and its backoff is not over.</summary>
    Known = 7,

    /// <summary>
    /// Its content is collected in this run from another file listed before it: decided again once that
    /// one is filed (then a duplicate, or collected if that one failed).
    /// </summary>
    Defer = 8,
}

/// <summary>The planner's decision on one file.</summary>
/// <param name="File">The file.</param>
/// <param name="Action">What to do.</param>
/// <param name="Reason">A <see cref="CollectReasons"/> code when skipped, refused, waiting or moved.</param>
/// <param name="Detail">The reason in words, as the history shows it.</param>
/// <param name="Row">The ledger's row for this file id and content, when there is one.</param>
public sealed record CollectDecision(ListedFile File, CollectAction Action, string? Reason, string? Detail, LedgerRow? Row);
