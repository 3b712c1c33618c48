namespace DocSync.Core.Export.Planning;

/// <summary>A file a document should have in Dropbox now.</summary>
/// <param name="Slot"><c>pdf</c>, <c>ubl</c> or <c>att:&lt;file id&gt;</c>.</param>
/// <param name="Path">The full Dropbox path.</param>
/// <param name="PathKey">The path's comparison key (<see cref="Paths.DropboxNames.Key"/>).</param>
/// <param name="SourceSha256">SHA-256 of the bytes to send.</param>
public sealed record DesiredFile(string Slot, string Path, string PathKey, string SourceSha256);

/// <summary>A file the document has in Dropbox as last agreed (an <see cref="ExportedFile"/>).</summary>
/// <param name="Slot">The slot.</param>
/// <param name="Path">Its path.</param>
/// <param name="PathKey">Its path key.</param>
/// <param name="DropboxId">Dropbox's id.</param>
/// <param name="Rev">The revision DocSync wrote.</param>
/// <param name="SourceSha256">SHA-256 of what DocSync wrote.</param>
public sealed record SyncedFile(string Slot, string Path, string PathKey, string DropboxId, string Rev, string SourceSha256)
{
    /// <summary>
    /// Whether DocSync meant to write the file but never heard back (the row is written before a new
    /// file's upload): it may or may not be in Dropbox at <see cref="Path"/>, so it is moved by path
    /// and written again with mode add, which recognises the same content.
    /// </summary>
    public bool Pending => DropboxId.Length == 0;
}

/// <summary>One document's two trees: what it should have in Dropbox, and what it has.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Desired">Its files now (empty when it left the profile or was deleted).</param>
/// <param name="Synced">Its files in Dropbox as last agreed.</param>
/// <param name="Problem">A reason the desired files could not be worked out, if any.</param>
public sealed record DocumentTrees(Guid DocumentId, IReadOnlyList<DesiredFile> Desired, IReadOnlyList<SyncedFile> Synced, PlanProblem? Problem = null);

/// <summary>Why a document cannot be exported as it stands.</summary>
/// <param name="Code">Short code: <c>path-collision</c>, <c>path-invalid</c>, …</param>
/// <param name="Message">For people.</param>
public sealed record PlanProblem(string Code, string Message)
{
    /// <summary>Two documents would land on one path.</summary>
    public const string PathCollision = "path-collision";

    /// <summary>Dropbox would refuse the path.</summary>
    public const string PathInvalid = "path-invalid";
}

/// <summary>One thing to do in Dropbox.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Slot">The file's slot.</param>
public abstract record ExportOp(Guid DocumentId, string Slot);

/// <summary>Write the file: a new one (<paramref name="Rev"/> null: mode add) or a new revision of ours (mode update(rev)).</summary>
public sealed record UploadOp(Guid DocumentId, string Slot, string Path, string PathKey, string SourceSha256, string? Rev) : ExportOp(DocumentId, Slot);

/// <summary>Move our file (by id) to its new path, server-side.</summary>
public sealed record MoveOp(Guid DocumentId, string Slot, string DropboxId, string FromPath, string ToPath, string ToPathKey) : ExportOp(DocumentId, Slot);

/// <summary>Delete our file (only when the profile deletes).</summary>
public sealed record DeleteOp(Guid DocumentId, string Slot, string DropboxId, string Path) : ExportOp(DocumentId, Slot);

/// <summary>Stop tracking a file that left the document but stays in Dropbox.</summary>
public sealed record ForgetOp(Guid DocumentId, string Slot, string Path) : ExportOp(DocumentId, Slot);

/// <summary>One document's plan: its operations (moves before uploads), or the problem that stops it.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Ops">What to do, in order.</param>
/// <param name="Problem">Why nothing can be done, if so.</param>
public sealed record DocumentPlan(Guid DocumentId, IReadOnlyList<ExportOp> Ops, PlanProblem? Problem);

/// <summary>
/// The export planner: a pure function from the two trees of some documents (plus which paths other
/// documents hold) to the operations that bring Dropbox up to date. No I/O and no clock; the same
/// documents in any order give the same plans.
/// </summary>
public static class ExportPlanner
{
    /// <summary>Plans <paramref name="documents"/>.</summary>
    /// <param name="documents">The documents, each with its desired and synced files.</param>
    /// <param name="heldByOthers">Path keys held in the profile by files of documents not in <paramref name="documents"/>, with the holder.</param>
    /// <param name="deleteRemoved">Whether files that left their document are deleted in Dropbox (otherwise they stay, untracked).</param>
    public static IReadOnlyList<DocumentPlan> Plan(IReadOnlyList<DocumentTrees> documents, IReadOnlyDictionary<string, Guid> heldByOthers, bool deleteRemoved)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(heldByOthers);

        // Who will hold each path once this batch is done: every synced file of the batch stays
        // where it is unless its document claims another path for it.
        var holder = new Dictionary<string, (Guid DocumentId, string Slot)>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var synced in document.Synced)
            {
                holder[synced.PathKey] = (document.DocumentId, synced.Slot);
            }
        }

        // Documents claim new paths in id order, so when two of the batch want one free path the
        // older document (ids grow with time) gets it whatever order the batch came in; plans come
        // back in the batch's order.
        var byId = new Dictionary<Guid, DocumentPlan>(documents.Count);
        foreach (var document in documents.OrderBy(d => d.DocumentId))
        {
            byId[document.DocumentId] = PlanOne(document, heldByOthers, holder, deleteRemoved);
        }
        return documents.Select(d => byId[d.DocumentId]).ToList();
    }

    private static DocumentPlan PlanOne(DocumentTrees document, IReadOnlyDictionary<string, Guid> heldByOthers,
        Dictionary<string, (Guid DocumentId, string Slot)> holder, bool deleteRemoved)
    {
        if (document.Problem is { } given)
        {
            return new DocumentPlan(document.DocumentId, [], given);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var desired in document.Desired)
        {
            if (!seen.Add(desired.PathKey))
            {
                return Stopped(document, PlanProblem.PathCollision, $"Two files of this document would both be written to {desired.Path}.");
            }
            if (heldByOthers.ContainsKey(desired.PathKey)
                || (holder.TryGetValue(desired.PathKey, out var held) && (held.DocumentId != document.DocumentId)))
            {
                return Stopped(document, PlanProblem.PathCollision,
                    $"Another document is already exported to {desired.Path}; add {{number}} (or another distinguishing field) to the layout.");
            }
        }

        var ops = new List<ExportOp>();
        var uploads = new List<ExportOp>();
        var synced = document.Synced.ToDictionary(s => s.Slot, StringComparer.Ordinal);
        foreach (var desired in document.Desired)
        {
            holder[desired.PathKey] = (document.DocumentId, desired.Slot);
            if (!synced.Remove(desired.Slot, out var current))
            {
                uploads.Add(new UploadOp(document.DocumentId, desired.Slot, desired.Path, desired.PathKey, desired.SourceSha256, null));
                continue;
            }

            if (!string.Equals(current.PathKey, desired.PathKey, StringComparison.Ordinal))
            {
                ops.Add(new MoveOp(document.DocumentId, desired.Slot, current.DropboxId, current.Path, desired.Path, desired.PathKey));
            }

            if (current.Pending || !string.Equals(current.SourceSha256, desired.SourceSha256, StringComparison.Ordinal))
            {
                uploads.Add(new UploadOp(document.DocumentId, desired.Slot, desired.Path, desired.PathKey, desired.SourceSha256, current.Pending ? null : current.Rev));
            }
        }

        foreach (var gone in synced.Values.OrderBy(s => s.Slot, StringComparer.Ordinal))
        {
            ops.Add(deleteRemoved
                ? new DeleteOp(document.DocumentId, gone.Slot, gone.DropboxId, gone.Path)
                : new ForgetOp(document.DocumentId, gone.Slot, gone.Path));
        }

        // Moves and removals first, so a path freed in this document is free before it is written.
        ops.AddRange(uploads);
        return new DocumentPlan(document.DocumentId, ops, null);
    }

    private static DocumentPlan Stopped(DocumentTrees document, string code, string message) =>
        new(document.DocumentId, [], new PlanProblem(code, message));
}
