using DocSync.Core.Blobs;
using DocSync.Core.Export.Planning;
using DocSync.Core.Persistence;
using DocSync.Core.Sync;
using DocSync.Dropbox;
using Microsoft.Extensions.Logging;

namespace DocSync.Core.Export.Execution;

/// <summary>
/// Does a round's plans in Dropbox, in batches: moves (by id, server-side), removals, then uploads
/// through <c>finish_batch_v2</c> (new files' rows saved first, as intents), resolving conflicts;
/// updates the round's rows and log as Dropbox answers and notes each task's worst outcome.
/// </summary>
internal sealed class ExportTransfer(DocSyncDbContext db, BlobStore blobs, RoundLog log, ILogger logger)
{
    /// <summary>Dropbox's limit of entries per batch call.</summary>
    private const int BatchEntries = 1000;

    public async Task ExecuteAsync(List<DocumentWork> work, DropboxClient client, RoundSource source, ExportedRows rows,
        Dictionary<long, TaskOutcome> outcomes, CancellationToken cancellationToken)
    {
        await MoveAsync(work, client, rows, outcomes, cancellationToken).ConfigureAwait(false);
        await RemoveAsync(work, client, rows, outcomes, cancellationToken).ConfigureAwait(false);
        await UploadAsync(work, client, source, rows, outcomes, cancellationToken).ConfigureAwait(false);
        foreach (var item in work)
        {
            outcomes.TryAdd(item.Task.Id, TaskOutcome.Done);
        }
    }

    private async Task MoveAsync(List<DocumentWork> work, DropboxClient client, ExportedRows rows, Dictionary<long, TaskOutcome> outcomes,
        CancellationToken cancellationToken)
    {
        var moves = work.SelectMany(w => w.Ops.OfType<MoveOp>().Select(op => (Work: w, Op: op))).ToList();
        foreach (var chunk in moves.Chunk(BatchEntries))
        {
            BatchJobResult result;
            try
            {
                result = await client.MoveBatchAsync(chunk.Select(m => (From(m.Op.DropboxId, m.Op.FromPath), m.Op.ToPath)).ToList(), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (FailureClassifier.IsDropboxFailure(e, cancellationToken))
            {
                var outcome = Outcomes.Classify(e);
                foreach (var (w, op) in chunk)
                {
                    Fail(w, outcome, outcomes, SyncAction.Move, op.ToPath);
                }
                continue;
            }

            for (var i = 0; i < chunk.Length; i++)
            {
                var (w, op) = chunk[i];
                var entry = i < result.Entries.Count ? result.Entries[i] : null;
                if (entry?.Metadata is FileMetadata moved)
                {
                    rows.Moved(w, op, moved);
                    log.Add(w.Task, SyncAction.Move, SyncOutcome.Ok, moved.PathDisplay ?? op.ToPath, moved.Rev, $"from {op.FromPath}");
                    continue;
                }

                var tag = entry?.ErrorTag ?? result.FailureTag ?? DropboxErrorTags.Other;
                Dropbox.Metadata? atTarget = null;
                if (tag.Contains("to/conflict", StringComparison.Ordinal))
                {
                    try
                    {
                        atTarget = await client.TryGetMetadataAsync(op.ToPath, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (FailureClassifier.IsDropboxFailure(e, cancellationToken))
                    {
                        Fail(w, Outcomes.Classify(e), outcomes, SyncAction.Move, op.ToPath);
                        continue;
                    }
                }
                if (atTarget is FileMetadata there && there.Id == op.DropboxId && op.DropboxId.Length > 0)
                {
                    // Moved already, by a round whose answer was lost.
                    rows.Moved(w, op, there);
                    log.Add(w.Task, SyncAction.Move, SyncOutcome.Ok, there.PathDisplay ?? op.ToPath, there.Rev, $"from {op.FromPath} (already done)");
                    continue;
                }

                if (tag.Contains("from_lookup/not_found", StringComparison.Ordinal))
                {
                    // Someone removed our file in Dropbox: forget it; the next round uploads it afresh.
                    rows.Forget(w, op.Slot);
                    Fail(w, TaskOutcome.Again("missing-in-dropbox", $"{op.FromPath} is no longer in Dropbox; it is uploaded again."), outcomes, SyncAction.Move, op.FromPath);
                    continue;
                }

                Fail(w, tag.Contains("to/conflict", StringComparison.Ordinal)
                    ? TaskOutcome.Dead("path-occupied", $"{op.ToPath} is taken by a file DocSync did not write; move or rename it in Dropbox, then retry.")
                    : Outcomes.ClassifyTag(tag, null), outcomes, SyncAction.Move, op.ToPath);
            }
        }
    }

    private async Task RemoveAsync(List<DocumentWork> work, DropboxClient client, ExportedRows rows, Dictionary<long, TaskOutcome> outcomes,
        CancellationToken cancellationToken)
    {
        foreach (var w in work.Where(w => !outcomes.ContainsKey(w.Task.Id)))
        {
            foreach (var op in w.Ops.OfType<ForgetOp>())
            {
                rows.Forget(w, op.Slot);
                log.Add(w.Task, SyncAction.LeftOut, SyncOutcome.Ok, op.Path, null, "No longer exported by this profile; the file stays in Dropbox.");
            }
        }

        var deletes = work.Where(w => !outcomes.ContainsKey(w.Task.Id)).SelectMany(w => w.Ops.OfType<DeleteOp>().Select(op => (Work: w, Op: op))).ToList();
        foreach (var chunk in deletes.Chunk(BatchEntries))
        {
            BatchJobResult result;
            try
            {
                result = await client.DeleteBatchAsync(chunk.Select(d => From(d.Op.DropboxId, d.Op.Path)).ToList(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (FailureClassifier.IsDropboxFailure(e, cancellationToken))
            {
                var outcome = Outcomes.Classify(e);
                foreach (var (w, op) in chunk)
                {
                    Fail(w, outcome, outcomes, SyncAction.Delete, op.Path);
                }
                continue;
            }

            for (var i = 0; i < chunk.Length; i++)
            {
                var (w, op) = chunk[i];
                var entry = i < result.Entries.Count ? result.Entries[i] : null;
                var tag = entry?.ErrorTag ?? (entry is null ? result.FailureTag ?? DropboxErrorTags.Other : null);
                if (tag is null || tag.Contains(DropboxErrorTags.NotFound, StringComparison.Ordinal))
                {
                    rows.Forget(w, op.Slot);
                    log.Add(w.Task, SyncAction.Delete, SyncOutcome.Ok, op.Path, null, tag is null ? null : "Already gone from Dropbox.");
                }
                else
                {
                    Fail(w, Outcomes.ClassifyTag(tag, null), outcomes, SyncAction.Delete, op.Path);
                }
            }
        }
    }

    private async Task UploadAsync(List<DocumentWork> work, DropboxClient client, RoundSource source, ExportedRows rows, Dictionary<long, TaskOutcome> outcomes,
        CancellationToken cancellationToken)
    {
        var uploads = work.Where(w => !outcomes.ContainsKey(w.Task.Id))
            .SelectMany(w => w.Ops.OfType<UploadOp>().Select(op => (Work: w, Op: op))).ToList();
        if (uploads.Count == 0)
        {
            return;
        }

        // Intent first: a new file's row is saved (without id or rev) before its upload, so a crash
        // between Dropbox's commit and DocSync's record leaves a trace at the path the file went to.
        foreach (var (w, op) in uploads.Where(u => u.Op.Rev is null))
        {
            rows.Intend(w, op);
        }
        await rows.SaveIntentsAsync(db, cancellationToken).ConfigureAwait(false);

        var conflicts = new List<(DocumentWork Work, UploadOp Op)>();
        var results = await client.UploadBatchAsync(uploads.Select(u => Item(u.Work, u.Op, u.Op.Rev, source)).ToList(), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < uploads.Count; i++)
        {
            var (w, op) = uploads[i];
            var result = results[i];
            if (result.Metadata is { } written)
            {
                Uploaded(w, op, written, rows, null);
            }
            else if (result.ErrorTag is { } tag && tag.Contains("conflict/file", StringComparison.Ordinal))
            {
                conflicts.Add((w, op));
            }
            else
            {
                Fail(w, Outcomes.Classify(result), outcomes, op.Rev is null ? SyncAction.Upload : SyncAction.Update, op.Path);
            }
        }

        await ResolveConflictsAsync(conflicts, client, source, rows, outcomes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Something else is at the path (a file someone put or changed there, or ours from a round whose
    /// answer was lost). The same content is recognised; other content gets DocSync's version on top
    /// with <c>update(rev)</c>, so theirs stays in Dropbox's version history: nothing is lost and no
    /// <c>name (1).pdf</c> appears.
    /// </summary>
    private async Task ResolveConflictsAsync(List<(DocumentWork Work, UploadOp Op)> conflicts, DropboxClient client, RoundSource source, ExportedRows rows,
        Dictionary<long, TaskOutcome> outcomes, CancellationToken cancellationToken)
    {
        var again = new List<(DocumentWork Work, UploadOp Op, FileMetadata There)>();
        foreach (var (w, op) in conflicts)
        {
            if (outcomes.ContainsKey(w.Task.Id))
            {
                continue;
            }
            Dropbox.Metadata? there;
            try
            {
                there = await client.TryGetMetadataAsync(op.Path, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (FailureClassifier.IsDropboxFailure(e, cancellationToken))
            {
                Fail(w, Outcomes.Classify(e), outcomes, SyncAction.Upload, op.Path);
                continue;
            }

            if (there is FileMetadata file)
            {
                await using var content = Open(op, source);
                if (file.ContentHash == await DropboxContentHasher.HashHexAsync(content, cancellationToken).ConfigureAwait(false))
                {
                    rows.Written(w, op, file);
                    log.Add(w.Task, SyncAction.Adopt, SyncOutcome.Ok, file.PathDisplay ?? op.Path, file.Rev, "The same content was already in Dropbox.");
                    continue;
                }
                again.Add((w, op, file));
            }
            else if (there is FolderMetadata)
            {
                Fail(w, TaskOutcome.Dead("path-occupied", $"{op.Path} is a folder in Dropbox; rename it there or change the layout, then retry."), outcomes, SyncAction.Upload, op.Path);
            }
            else
            {
                Fail(w, TaskOutcome.Again("conflict", $"{op.Path} changed in Dropbox while DocSync wrote it; trying again."), outcomes, SyncAction.Upload, op.Path);
            }
        }

        if (again.Count == 0)
        {
            return;
        }

        var results = await client.UploadBatchAsync(again.Select(a => Item(a.Work, a.Op, a.There.Rev, source)).ToList(), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < again.Count; i++)
        {
            var (w, op, there) = again[i];
            if (results[i].Metadata is { } written)
            {
                Uploaded(w, op, written, rows,
                    $"The file at this path was not the one DocSync last wrote (rev {there.Rev}); it stays in Dropbox's version history.");
            }
            else
            {
                Fail(w, Outcomes.Classify(results[i]), outcomes, SyncAction.Update, op.Path);
            }
        }
    }

    private void Uploaded(DocumentWork w, UploadOp op, FileMetadata written, ExportedRows rows, string? warning)
    {
        rows.Written(w, op, written);
        log.Add(w.Task, op.Rev is null && warning is null ? SyncAction.Upload : SyncAction.Update, warning is null ? SyncOutcome.Ok : SyncOutcome.Warning,
            written.PathDisplay ?? op.Path, written.Rev, warning);
    }

    private BatchUploadItem Item(DocumentWork w, UploadOp op, string? rev, RoundSource source) =>
        new(op.Path, () => Open(op, source), new CommitOptions
        {
            Mode = rev is null ? WriteMode.Add : WriteMode.Update(rev),
            Mute = w.Task.Priority <= SyncPriority.Relayout,
        });

    private Stream Open(UploadOp op, RoundSource source) => source.Open(op.SourceSha256, blobs);

    private void Fail(DocumentWork w, TaskOutcome outcome, Dictionary<long, TaskOutcome> outcomes, SyncAction action, string path)
    {
        if (outcome.Kind == OutcomeKind.Relink)
        {
            throw new ConnectionNeedsRelinkException(outcome.Message, outcome.Error);
        }
        if (!outcomes.TryGetValue(w.Task.Id, out var earlier) || outcome.Kind > earlier.Kind)
        {
            outcomes[w.Task.Id] = outcome;
        }
        log.Add(w.Task, action, SyncOutcome.Failed, path, null, outcome.Message);
        logger.LogInformation("Export of document {DocumentId} to {Path} failed: {Code}", w.Task.DocumentId, path, outcome.Code);
    }

    /// <summary>Our file by id when known, else by path (a file whose upload was never confirmed).</summary>
    private static string From(string dropboxId, string path) => dropboxId.Length > 0 ? dropboxId : path;
}
