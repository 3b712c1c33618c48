using System.Diagnostics;
using DocSync.Core.Collect.AfterAction;
using DocSync.Core.Collect.History;
using DocSync.Core.Collect.Intake;
using DocSync.Core.Collect.Planning;
using DocSync.Core.Organizing;
using DocSync.Core.Sync;
using DocSync.Dropbox;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Collect;

public sealed partial class CollectRunner
{
    /// <summary>How many files are planned together (one ledger query each).</summary>
    private const int ChunkSize = 500;

    private async Task ProcessAsync(CollectRunContext run, FolderMetadata source, List<FileMetadata> listed, CancellationToken cancellationToken)
    {
        // A listing of changes may name a file more than once: its last state counts. Oldest first.
        var files = listed.GroupBy(f => f.Id, StringComparer.Ordinal).Select(g => g.Last())
            .OrderBy(f => f.ServerModified).ThenBy(f => f.PathLower, StringComparer.Ordinal).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        run.Run.Seen = files.Count;
        foreach (var chunk in files.Chunk(ChunkSize))
        {
            List<FileMetadata>? undecided = [.. chunk];
            while (undecided is { Count: > 0 })
            {
                undecided = await DecideAsync(run, source, undecided, cancellationToken).ConfigureAwait(false);
            }
            if (undecided is null)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Plans <paramref name="files"/> with the ledger and carries the decisions out in the plan's order.
    /// Returns the files the plan deferred (decided again once the file with their content is filed), or
    /// <see langword="null"/> when the channel was paused.
    /// </summary>
    private async Task<List<FileMetadata>?> DecideAsync(CollectRunContext run, FolderMetadata source, List<FileMetadata> files, CancellationToken cancellationToken)
    {
        var channel = run.Channel;
        var ids = files.Select(f => f.Id).ToList();
        var hashes = files.Select(ListedFile.HashOf).Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.CollectedFiles.Where(f => f.ChannelId == channel.Id && ids.Contains(f.DropboxFileId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var sameContent = await db.CollectedFiles.AsNoTracking()
            .Where(f => f.ChannelId == channel.Id && f.Status == CollectedFileStatus.Collected && hashes.Contains(f.ContentHash) && !ids.Contains(f.DropboxFileId))
            .OrderBy(f => f.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var settings = new PlanSettings(channel.CollectChangedContent, channel.AfterCollect, _options.StableAge, _options.MaxFileSize, run.Run.Trigger == CollectTrigger.Manual);
        var plan = CollectPlanner.Plan([.. files.Select(ListedFile.From)], [.. rows.Concat(sameContent).Select(LedgerRow.From)], settings, time.GetUtcNow());

        var byId = files.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var pending = new HashSet<string>(ids, StringComparer.Ordinal);
        var deferred = new List<FileMetadata>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Files being downloaded and read ahead of the one being filed, by their place in the plan.
        var ahead = new Dictionary<int, Task<PreparedFile>>();
        var next = 0;
        try
        {
            for (var i = 0; i < plan.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (channel.Problem is not null)
                {
                    return null;
                }
                for (; next < plan.Count && ahead.Count < _readers; next++)
                {
                    if (plan[next].Action == CollectAction.Collect)
                    {
                        var file = byId[plan[next].File.Id];
                        ahead[next] = Task.Run(() => _intake.PrepareAsync(run.Client, run.AccountId, file, stop.Token), stop.Token);
                    }
                }

                var decision = plan[i];
                if (decision.Action == CollectAction.Defer)
                {
                    deferred.Add(byId[decision.File.Id]);
                    continue;
                }
                var row = decision.Row is { } known
                    ? rows.First(r => r.DropboxFileId == known.FileId && r.ContentHash == known.ContentHash)
                    : null;
                if (decision.Action == CollectAction.Collect)
                {
                    var prepared = await ahead[i].ConfigureAwait(false);
                    ahead.Remove(i);
                    await using (prepared.ConfigureAwait(false))
                    {
                        await TakeAsync(run, source, byId[decision.File.Id], row, prepared, cancellationToken).ConfigureAwait(false);
                    }
                }
                else
                {
                    await ActAsync(run, source, byId[decision.File.Id], decision, row, cancellationToken).ConfigureAwait(false);
                }
                pending.Remove(decision.File.Id);
                Forget(pending);
            }
        }
        finally
        {
            // Stopped early (paused, cancelled, a refused grant): what was read ahead is let go, its temporary files deleted.
            await stop.CancelAsync().ConfigureAwait(false);
            foreach (var task in ahead.Values)
            {
                await ((Task)task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (task.IsCompletedSuccessfully)
                {
                    await task.Result.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        return deferred;
    }

    /// <summary>Carries out a decision that needs no download.</summary>
    private async Task ActAsync(CollectRunContext run, FolderMetadata source, FileMetadata file, CollectDecision decision, CollectedFile? row,
        CancellationToken cancellationToken)
    {
        switch (decision.Action)
        {
            case CollectAction.Known:
                run.Run.Known++;
                break;
            case CollectAction.FinishAfterAction:
                row = row ?? throw new UnreachableException("An after-action is finished only for a collected row.");
                row.Path = file.PathDisplay ?? row.Path;
                var note = await AfterCollectAction.DoAsync(run.Client, run.Channel.AfterCollect, source, file, row, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                run.Run.Known++;
                if (note is not null)
                {
                    _recorder.Add(run, file, CollectFileResult.Skipped, CollectReasons.AlreadyCollected, note, row.InboxItemId, 0, 0, 0);
                }
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                break;
            case CollectAction.NoteMove:
                row = row ?? throw new UnreachableException("A move is noted only for a known row.");
                row.Path = file.PathDisplay ?? row.Path;
                await _recorder.RecordAsync(run, file, row, CollectFileResult.Skipped, decision.Reason!, decision.Detail, cancellationToken, keepStatus: true)
                    .ConfigureAwait(false);
                break;
            case CollectAction.Skip or CollectAction.Refuse:
                await _recorder.RecordAsync(run, file, row ?? _recorder.NewRow(run, file),
                        decision.Action == CollectAction.Skip ? CollectFileResult.Skipped : CollectFileResult.Failed, decision.Reason!, decision.Detail, cancellationToken)
                    .ConfigureAwait(false);
                break;
            case CollectAction.Wait:
                row ??= _recorder.NewRow(run, file);
                row.Status = CollectedFileStatus.Waiting;
                row.Rev = file.Rev;
                row.Path = file.PathDisplay ?? row.Path;
                await _recorder.RecordAsync(run, file, row, CollectFileResult.Waiting, decision.Reason!, decision.Detail, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new UnreachableException($"{decision.Action} is not carried out here.");
        }
    }

    /// <summary>Files a downloaded and read file (a zip: each file inside), saves the ledger, then does the after-action.</summary>
    private async Task TakeAsync(CollectRunContext run, FolderMetadata source, FileMetadata file, CollectedFile? known, PreparedFile prepared,
        CancellationToken cancellationToken)
    {
        var channel = run.Channel;
        var row = known ?? _recorder.NewRow(run, file);
        if (prepared.DownloadFailed)
        {
            await _recorder.FailAsync(run, file, row, prepared.Reason!, prepared.Detail!, cancellationToken, prepared.RetryAfter).ConfigureAwait(false);
            return;
        }
        if (prepared.Reason is not null)
        {
            await _recorder.RecordAsync(run, file, row, CollectFileResult.Failed, prepared.Reason, prepared.Detail, cancellationToken, downloadMs: prepared.DownloadMs)
                .ConfigureAwait(false);
            return;
        }

        var clock = Stopwatch.StartNew();
        Filed filed;
        try
        {
            filed = await _filing.FileAsync(channel, prepared, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            // Storing failed (a disk, a temp file): the file is tried again like a failed download.
            await _recorder.FailAsync(run, file, row, CollectReasons.StoreFailed, $"Reading or storing it failed ({FailureClassifier.Describe(e)}).", cancellationToken)
                .ConfigureAwait(false);
            return;
        }
        var storeMs = (int)clock.ElapsedMilliseconds;

        _recorder.Track(row);
        row.Status = CollectedFileStatus.Collected;
        row.NextAttemptAt = null;
        row.Reason = null;
        row.Detail = filed.Detail;
        row.Rev = file.Rev;
        row.Path = file.PathDisplay ?? row.Path;
        row.InboxItemId = filed.FirstItemId;
        row.Items = filed.Items;
        row.CollectedAt = time.GetUtcNow();
        row.AfterActionDone = channel.AfterCollect == AfterCollect.Leave;
        run.Run.Collected++;
        // The ledger row is saved before the after-action: a crash between leaves the action to the next run.
        var line = _recorder.Add(run, file, CollectFileResult.Collected, null, filed.Detail, filed.FirstItemId, filed.Items, prepared.DownloadMs, storeMs);
        line.ReadMs = prepared.ReadMs;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (!row.AfterActionDone)
        {
            var note = await AfterCollectAction.DoAsync(run.Client, channel.AfterCollect, source, file, row, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (note is not null)
            {
                line.Detail = RunRecorder.Join(filed.Detail, note);
            }
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Lets go of what the file's handling tracked (its inbox item and text, ledger and history rows),
    /// so each file costs the same however many came before it in the run.
    /// </summary>
    private void Forget(HashSet<string> pending)
    {
        // Only rows that depend on others: detaching a principal (a connection, the channel) would take its dependents along.
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            var done = entry.Entity switch
            {
                InboxItem or CollectionRunFile or Auditing.AuditEntry or Outbox.OutboxMessage => true,
                CollectedFile row => !pending.Contains(row.DropboxFileId),
                _ => false,
            };
            if (done && entry.State == EntityState.Unchanged)
            {
                entry.State = EntityState.Detached;
            }
        }
    }
}
