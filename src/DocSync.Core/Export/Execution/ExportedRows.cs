using DocSync.Core.Export.Planning;
using DocSync.Core.Persistence;
using DocSync.Dropbox;

namespace DocSync.Core.Export.Execution;

/// <summary>
/// The exported rows of a round, changed as Dropbox answers; written in a few statements (new
/// rows before their upload, the rest with the round's record), not one command per file.
/// </summary>
internal sealed class ExportedRows(List<ExportedFile> rows, DateTimeOffset now)
{
    private readonly List<ExportedFile> _new = [];
    private readonly HashSet<ExportedFile> _changed = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<ExportedFile> _removed = new(ReferenceEqualityComparer.Instance);

    public bool PathsFreed { get; private set; }

    public ExportedFile? Find(Guid profileId, Guid documentId, string slot) =>
        rows.FirstOrDefault(r => r.ProfileId == profileId && r.DocumentId == documentId && r.Slot == slot);

    public void Moved(DocumentWork w, MoveOp op, FileMetadata moved)
    {
        if (Find(w.Profile.Id, w.Task.DocumentId, op.Slot) is { } row)
        {
            row.Path = moved.PathDisplay ?? op.ToPath;
            row.PathKey = op.ToPathKey;
            row.Rev = moved.Rev;
            row.DropboxId = moved.Id;
            Changed(row);
            PathsFreed = true;
        }
    }

    public void Forget(DocumentWork w, string slot)
    {
        if (Find(w.Profile.Id, w.Task.DocumentId, slot) is { } row)
        {
            rows.Remove(row);
            _changed.Remove(row);
            if (!_new.Remove(row))
            {
                _removed.Add(row);
            }
            PathsFreed = true;
        }
    }

    /// <summary>Records that a new file is about to be written (no id, no rev yet).</summary>
    public ExportedFile Intend(DocumentWork w, UploadOp op)
    {
        if (Find(w.Profile.Id, w.Task.DocumentId, op.Slot) is { } existing)
        {
            return existing;
        }
        var row = new ExportedFile
        {
            Id = Guid.CreateVersion7(),
            CompanyId = w.Task.CompanyId,
            ProfileId = w.Profile.Id,
            DocumentId = w.Task.DocumentId,
            Slot = op.Slot,
            Path = op.Path,
            PathKey = op.PathKey,
            DropboxId = "",
            Rev = "",
            ContentHash = "",
            SourceSha256 = "",
            ExportedAt = now,
        };
        rows.Add(row);
        _new.Add(row);
        return row;
    }

    public void Written(DocumentWork w, UploadOp op, FileMetadata file)
    {
        var row = Intend(w, op);
        row.Path = file.PathDisplay ?? op.Path;
        row.PathKey = op.PathKey;
        row.DropboxId = file.Id;
        row.Rev = file.Rev;
        row.ContentHash = file.ContentHash ?? "";
        row.SourceSha256 = op.SourceSha256;
        row.Length = file.Size;
        row.ExportedAt = now;
        Changed(row);
    }

    /// <summary>Saves the rows intended since the last save (before their uploads go).</summary>
    public async Task SaveIntentsAsync(DocSyncDbContext db, CancellationToken cancellationToken)
    {
        await db.InsertRowsAsync(_new, cancellationToken).ConfigureAwait(false);
        _new.Clear();
    }

    /// <summary>Writes the round's changes: removed rows go, changed rows are written again whole (same ids), in the caller's transaction.</summary>
    public async Task SaveAsync(DocSyncDbContext db, CancellationToken cancellationToken)
    {
        await db.DeleteRowsAsync(_removed.Concat(_changed).ToList(), cancellationToken).ConfigureAwait(false);
        await db.InsertRowsAsync(_changed.Concat(_new).ToList(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>After the record's transaction committed.</summary>
    public void Saved()
    {
        _new.Clear();
        _changed.Clear();
        _removed.Clear();
    }

    private void Changed(ExportedFile row)
    {
        if (!_new.Contains(row))
        {
            _changed.Add(row);
        }
    }
}
