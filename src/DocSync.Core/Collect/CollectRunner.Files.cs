using System.Diagnostics;
using DocSync.Core.Errors;
using DocSync.Core.Organizing;
using DocSync.Core.Reading;
using DocSync.Core.Sync;
using DocSync.Dropbox;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Collect;

public sealed partial class CollectRunner
{
    private async Task ProcessAsync(RunContext run, FolderMetadata source, List<FileMetadata> listed, CancellationToken cancellationToken)
    {
        var channel = run.Channel;
        // A listing of changes may name a file more than once: its last state counts. Oldest first.
        var files = listed.GroupBy(f => f.Id, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(f => f.ServerModified).ThenBy(f => f.PathLower, StringComparer.Ordinal).ToList();
        run.Run.Seen = files.Count;
        foreach (var chunk in files.Chunk(500))
        {
            var ids = chunk.Select(f => f.Id).ToList();
            var pending = new HashSet<string>(ids, StringComparer.Ordinal);
            var hashes = chunk.Select(HashOf).Distinct().ToList();
            var rows = await db.CollectedFiles.Where(f => f.ChannelId == channel.Id && ids.Contains(f.DropboxFileId))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var sameContent = await db.CollectedFiles.AsNoTracking()
                .Where(f => f.ChannelId == channel.Id && f.Status == CollectedFileStatus.Collected && hashes.Contains(f.ContentHash))
                .Select(f => new { f.ContentHash, f.DropboxFileId, f.Path })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var file in chunk)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (channel.Problem is not null)
                {
                    return;
                }
                var twin = sameContent.FirstOrDefault(c => c.ContentHash == HashOf(file) && c.DropboxFileId != file.Id);
                await HandleAsync(run, source, file, rows.Where(r => r.DropboxFileId == file.Id).ToList(), twin?.Path, cancellationToken).ConfigureAwait(false);
                // Two new files with the same content in one chunk: the second sees the first.
                var collected = db.CollectedFiles.Local.FirstOrDefault(r => r.DropboxFileId == file.Id && r.ContentHash == HashOf(file) && r.Status == CollectedFileStatus.Collected);
                if (collected is not null && !sameContent.Any(c => c.ContentHash == collected.ContentHash))
                {
                    sameContent.Add(new { collected.ContentHash, collected.DropboxFileId, collected.Path });
                }
                pending.Remove(file.Id);
                Forget(pending);
            }
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

    private async Task HandleAsync(RunContext run, FolderMetadata source, FileMetadata file, List<CollectedFile> rows, string? twinPath, CancellationToken cancellationToken)
    {
        var channel = run.Channel;
        var hash = HashOf(file);
        var row = rows.FirstOrDefault(r => r.ContentHash == hash);
        var settledBefore = row is { Status: CollectedFileStatus.Collected or CollectedFileStatus.Skipped }
                            || (row is { Status: CollectedFileStatus.Failed } && CollectReasons.IsFinal(row.Reason));
        if (settledBefore)
        {
            await KnownAsync(run, source, file, row!, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (row is { Status: CollectedFileStatus.Failed, NextAttemptAt: { } retryAt } && retryAt > time.GetUtcNow() && run.Run.Trigger != CollectTrigger.Manual)
        {
            // Failed moments ago: tried again when its backoff is over (the run that falls due then), or by "Run now".
            run.Run.Known++;
            return;
        }

        if (row is null)
        {
            if (!channel.CollectChangedContent && rows.Any(r => r.Status == CollectedFileStatus.Collected))
            {
                await RecordAsync(run, file, NewRow(run, file), CollectFileResult.Skipped, CollectReasons.ContentChanged,
                    "Its content changed after it was collected; this channel does not collect changed files again.", cancellationToken).ConfigureAwait(false);
                return;
            }
            if (twinPath is not null)
            {
                await RecordAsync(run, file, NewRow(run, file), CollectFileResult.Skipped, CollectReasons.DuplicateContent,
                    $"The same content was already collected from {twinPath}.", cancellationToken).ConfigureAwait(false);
                return;
            }
            if (file.Size == 0)
            {
                await RecordAsync(run, file, NewRow(run, file), CollectFileResult.Skipped, CollectReasons.Empty,
                    "The file is empty (0 bytes); it stays in Dropbox.", cancellationToken).ConfigureAwait(false);
                return;
            }
            if (file.Size > _options.MaxFileSize)
            {
                await RecordAsync(run, file, NewRow(run, file), CollectFileResult.Failed, CollectReasons.TooLarge,
                    $"The file is {Mib(file.Size)}; files over {Mib(_options.MaxFileSize)} are not collected. It stays in Dropbox.", cancellationToken).ConfigureAwait(false);
                return;
            }
            if (!file.IsDownloadable)
            {
                await RecordAsync(run, file, NewRow(run, file), CollectFileResult.Failed, CollectReasons.NotDownloadable,
                    "Dropbox does not let this file be downloaded (a Paper doc or a cloud-only format); export it as PDF.", cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        // Settled? Older than the stable age, or the same revision as at an earlier look.
        var settled = time.GetUtcNow() - file.ServerModified >= _options.StableAge
                      || (row is { Status: CollectedFileStatus.Waiting } && row.Rev == file.Rev);
        if (!settled)
        {
            row ??= NewRow(run, file);
            row.Status = CollectedFileStatus.Waiting;
            row.Rev = file.Rev;
            row.Path = file.PathDisplay ?? row.Path;
            await RecordAsync(run, file, row, CollectFileResult.Waiting, CollectReasons.StillChanging,
                "It changed moments ago and may still be being written; it is looked at again shortly.", cancellationToken).ConfigureAwait(false);
            return;
        }

        await TakeAsync(run, source, file, row ?? NewRow(run, file), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A file the ledger already settled: note a rename or move, and finish an after-action left undone.</summary>
    private async Task KnownAsync(RunContext run, FolderMetadata source, FileMetadata file, CollectedFile row, CancellationToken cancellationToken)
    {
        var moved = !string.Equals(row.Path, file.PathDisplay, StringComparison.OrdinalIgnoreCase);
        if (row.Status == CollectedFileStatus.Collected && !row.AfterActionDone && run.Channel.AfterCollect != AfterCollect.Leave)
        {
            row.Path = file.PathDisplay ?? row.Path;
            var note = await AfterActionAsync(run, source, file, row, cancellationToken).ConfigureAwait(false);
            run.Run.Known++;
            if (note is not null)
            {
                Add(run, file, CollectFileResult.Skipped, CollectReasons.AlreadyCollected, note, row.InboxItemId, 0, 0, 0);
            }
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        if (moved)
        {
            var from = row.Path;
            row.Path = file.PathDisplay ?? row.Path;
            await RecordAsync(run, file, row, CollectFileResult.Skipped, CollectReasons.RenamedOrMoved,
                $"Collected before as {from}; renamed or moved since, not collected again.", cancellationToken, keepStatus: true).ConfigureAwait(false);
            return;
        }
        run.Run.Known++;
    }

    /// <summary>Downloads, reads and files one settled file (a zip: each file inside).</summary>
    private async Task TakeAsync(RunContext run, FolderMetadata source, FileMetadata file, CollectedFile row, CancellationToken cancellationToken)
    {
        var channel = run.Channel;
        var clock = Stopwatch.StartNew();
        var temp = Path.Combine(Path.GetTempPath(), "docsync-collect-" + Guid.NewGuid().ToString("N"));
        await using var content = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            // Pinned to the revision listed: the bytes filed are the ones the ledger names.
            await run.Client.DownloadAsync("rev:" + file.Rev, content, cancellationToken).ConfigureAwait(false);
        }
        catch (DropboxAuthException)
        {
            throw;
        }
        catch (DropboxApiException e) when (e.StatusCode == 409)
        {
            await FailAsync(run, file, row, CollectReasons.DropboxFailed,
                $"The file changed or went away before it could be downloaded ({e.ErrorTag}).", cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (InvalidDataException e)
        {
            await FailAsync(run, file, row, CollectReasons.CorruptDownload, e.Message, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (Exception e) when (FailureClassifier.IsDropboxFailure(e, cancellationToken))
        {
            await FailAsync(run, file, row, CollectReasons.DropboxFailed, $"Downloading failed ({FailureClassifier.Describe(e)}).", cancellationToken,
                (e as DropboxApiException)?.RetryAfter).ConfigureAwait(false);
            return;
        }
        var downloadMs = (int)clock.ElapsedMilliseconds;
        content.Position = 0;
        var head = new byte[64];
        var headLength = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        content.Position = 0;
        var kind = FileKinds.Detect(head.AsSpan(0, headLength), file.Name);
        var baseRef = $"{run.AccountId}/{file.Id}/{HashOf(file)}";
        var name = FileRules.Sanitize(file.Name, FileKinds.Extension(kind));

        clock.Restart();
        Intake intake;
        try
        {
            intake = await IntakeAsync(run, content, kind, name, baseRef, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            // Reading or storing failed (a disk, a temp file): the file is tried again like a failed download.
            await FailAsync(run, file, row, CollectReasons.StoreFailed, $"Reading or storing it failed ({FailureClassifier.Describe(e)}).", cancellationToken)
                .ConfigureAwait(false);
            return;
        }
        var storeMs = (int)clock.ElapsedMilliseconds;
        run.ReadMs += intake.ReadMs;
        if (intake.Reason is not null)
        {
            await RecordAsync(run, file, row, CollectFileResult.Failed, intake.Reason, intake.Detail, cancellationToken, downloadMs: downloadMs).ConfigureAwait(false);
            return;
        }

        Track(row);
        row.Status = CollectedFileStatus.Collected;
        row.NextAttemptAt = null;
        row.Reason = null;
        row.Detail = intake.Detail;
        row.Rev = file.Rev;
        row.Path = file.PathDisplay ?? row.Path;
        row.InboxItemId = intake.FirstItemId;
        row.Items = intake.Items;
        row.CollectedAt = time.GetUtcNow();
        row.AfterActionDone = channel.AfterCollect == AfterCollect.Leave;
        run.Run.Collected++;
        // The ledger row is saved before the after-action: a crash between leaves the action to the next run.
        var line = Add(run, file, CollectFileResult.Collected, null, intake.Detail, intake.FirstItemId, intake.Items, downloadMs, storeMs - intake.ReadMs);
        line.ReadMs = intake.ReadMs;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (!row.AfterActionDone)
        {
            var note = await AfterActionAsync(run, source, file, row, cancellationToken).ConfigureAwait(false);
            if (note is not null)
            {
                line.Detail = Join(intake.Detail, note);
            }
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<Intake> IntakeAsync(RunContext run, Stream content, FileKind kind, string name, string baseRef, CancellationToken cancellationToken) => kind switch
    {
        FileKind.Zip => TakeZipAsync(run, content, baseRef, cancellationToken),
        FileKind.Unknown => Task.FromResult(Intake.Refused(CollectReasons.UnsupportedType,
            $"'{name}' is not a PDF, an image (JPEG, PNG, TIFF, HEIC), an e-invoice (UBL or CII XML) or a zip of them; it stays in Dropbox.")),
        _ => TakeOneAsync(run, content, name, kind, baseRef, cancellationToken),
    };

    private async Task<Intake> TakeOneAsync(RunContext run, Stream content, string name, FileKind kind, string sourceRef, CancellationToken cancellationToken)
    {
        var result = await reader.ReadAsync(content, name, cancellationToken).ConfigureAwait(false);
        var readMs = (int)result.Duration.TotalMilliseconds;
        switch (result.Outcome)
        {
            case ReadOutcome.Corrupt when kind == FileKind.Pdf:
                return Intake.Refused(CollectReasons.CorruptPdf, (result.Problem ?? "The PDF is damaged.") + " It stays in Dropbox.");
            case ReadOutcome.Corrupt or ReadOutcome.Unsupported when kind == FileKind.Xml:
                return Intake.Refused(CollectReasons.UnsupportedType, (result.Problem ?? "The XML file is not an e-invoice.") + " It stays in Dropbox.");
            case ReadOutcome.Corrupt:
                return Intake.Refused(CollectReasons.DamagedImage, (result.Problem ?? "The image is damaged.") + " It stays in Dropbox.");
            case ReadOutcome.PasswordProtected:
                return Intake.Refused(CollectReasons.PasswordProtected,
                    (result.Problem ?? "The PDF needs a password.") + " Ask the sender for a copy without a password; the file stays in Dropbox.");
            case ReadOutcome.Unsupported when kind == FileKind.Unknown:
                return Intake.Refused(CollectReasons.UnsupportedType, result.Problem ?? "This kind of file is not collected.");
        }
        content.Position = 0;
        var receipt = await ReceiveAsync(run, sourceRef, name, FileKinds.ContentType(kind), content, InboxReading.From(result), cancellationToken).ConfigureAwait(false);
        var note = result.Outcome switch
        {
            ReadOutcome.Read or ReadOutcome.TooManyPages => null,
            _ => "Filed without text: " + (result.Problem ?? "no text found") + ".",
        };
        return new Intake(receipt.Item.Id, 1, receipt.Replayed ? Join("It was already in the inbox (an earlier run was interrupted after filing it).", note) : note)
        {
            ReadMs = readMs,
        };
    }

    private async Task<Intake> TakeZipAsync(RunContext run, Stream content, string baseRef, CancellationToken cancellationToken)
    {
        UnpackedZip zip;
        try
        {
            zip = await ZipUnpacker.UnpackAsync(content, _options, cancellationToken).ConfigureAwait(false);
        }
        catch (UnsafeZipException e)
        {
            return Intake.Refused(CollectReasons.UnsafeZip, e.Message + " Nothing was taken from it; it stays in Dropbox.");
        }

        using (zip)
        {
            Guid? first = null;
            var items = 0;
            var readMs = 0;
            var notes = new List<string>(zip.LeftOut);
            for (var i = 0; i < zip.Entries.Count; i++)
            {
                var entry = zip.Entries[i];
                await using var stream = new FileStream(entry.TempPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
                var head = new byte[64];
                var length = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                stream.Position = 0;
                var kind = FileKinds.Detect(head.AsSpan(0, length), entry.Name);
                var name = FileRules.Sanitize(entry.Name, FileKinds.Extension(kind));
                if (entry.Length == 0 || kind is FileKind.Unknown or FileKind.Zip)
                {
                    notes.Add($"{name}: {(entry.Length == 0 ? "empty" : "not a PDF, an image or an e-invoice")}, left out");
                    continue;
                }
                var intake = await TakeOneAsync(run, stream, name, kind, $"{baseRef}#{i}", cancellationToken).ConfigureAwait(false);
                if (intake.Reason is not null)
                {
                    notes.Add($"{name}: {intake.Detail}");
                    continue;
                }
                first ??= intake.FirstItemId;
                items++;
                readMs += intake.ReadMs;
            }
            if (items == 0)
            {
                return Intake.Refused(CollectReasons.EmptyZip, "Nothing in the zip could be collected" + (notes.Count > 0 ? ": " + string.Join("; ", notes) : "."));
            }
            return new Intake(first, items, $"{items} file(s) taken from the zip" + (notes.Count > 0 ? "; " + string.Join("; ", notes) : "."))
            {
                ReadMs = readMs,
            };
        }
    }

    private async Task<InboxReceipt> ReceiveAsync(RunContext run, string sourceRef, string name, string contentType, Stream content, InboxReading reading,
        CancellationToken cancellationToken)
    {
        var channel = run.Channel;
        try
        {
            return await inbox.ReceiveAsync(InboxSource.Collect, sourceRef, name, contentType, content, channel.BinderId, channel.DestinationPersonId,
                reading, cancellationToken).ConfigureAwait(false);
        }
        catch (ValidationFailedException e) when (e.Errors.Any(error => error.Field is "binderId" or "assigneeId"))
        {
            Pause(channel, "destination-gone",
                "The channel's destination binder or person no longer exists in this company. Edit the channel; nothing is lost, the files wait in Dropbox.");
            throw new DestinationGoneException();
        }
    }

    /// <summary>Moves or deletes the collected revision as the channel says; returns a note when that could not be done now.</summary>
    private async Task<string?> AfterActionAsync(RunContext run, FolderMetadata source, FileMetadata file, CollectedFile row, CancellationToken cancellationToken)
    {
        try
        {
            switch (run.Channel.AfterCollect)
            {
                case AfterCollect.MoveToProcessed:
                    // Only the revision collected moves: a file changed since stays to be seen again.
                    if (await run.Client.TryGetMetadataAsync(file.Id, cancellationToken).ConfigureAwait(false) is not FileMetadata now || now.Rev != row.Rev)
                    {
                        row.AfterActionDone = true;
                        return "It changed or went away after it was collected, so it was not moved.";
                    }
                    var stamp = time.GetUtcNow().ToString("yyyy-MM-dd HHmmss", System.Globalization.CultureInfo.InvariantCulture);
                    var moved = await run.Client.MoveAsync(now.PathLower ?? file.PathLower!, $"{source.PathDisplay}/{ProcessedFolder}/{stamp} {file.Name}",
                        autorename: true, cancellationToken).ConfigureAwait(false);
                    row.Path = moved.PathDisplay ?? row.Path;
                    break;
                case AfterCollect.Delete:
                    await run.Client.DeleteAsync(file.PathLower!, parentRev: row.Rev, cancellationToken).ConfigureAwait(false);
                    break;
            }
            row.AfterActionDone = true;
            return null;
        }
        catch (DropboxAuthException)
        {
            throw;
        }
        catch (DropboxApiException e) when (e.StatusCode == 409)
        {
            // The file changed (delete with a stale parent rev) or went: nothing to do to this revision any more.
            row.AfterActionDone = true;
            return $"It changed or went away after it was collected ({e.ErrorTag}), so it was left as it is.";
        }
        catch (Exception e) when (FailureClassifier.IsDropboxFailure(e, cancellationToken))
        {
            return $"Collected; {(run.Channel.AfterCollect == AfterCollect.Delete ? "deleting" : "moving")} it failed ({FailureClassifier.Describe(e)}) and is tried again on the next run.";
        }
    }

    /// <summary>
    /// A failure that may pass (download, reading, storing): the file is tried again by the first run
    /// of any kind after its backoff (never sooner than Dropbox asked), and the detail says when.
    /// </summary>
    private async Task FailAsync(RunContext run, FileMetadata file, CollectedFile row, string reason, string detail, CancellationToken cancellationToken,
        TimeSpan? retryAfter = null)
    {
        row.Attempts++;
        var retryAt = time.GetUtcNow() + _backoff.Delay(row.Attempts, retryAfter);
        await RecordAsync(run, file, row, CollectFileResult.Failed, reason, Join(detail, RetryNote(row.Attempts, retryAt)), cancellationToken, retryAt: retryAt)
            .ConfigureAwait(false);
    }

    /// <summary>Says when a failed file is tried again (UTC, invariant: the UI shows the detail as it is).</summary>
    internal static string RetryNote(int attempts, DateTimeOffset retryAt) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Attempt {attempts} failed; tried again by the first run after {retryAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.");

    private async Task RecordAsync(RunContext run, FileMetadata file, CollectedFile row, CollectFileResult result, string reason, string? detail,
        CancellationToken cancellationToken, bool keepStatus = false, int downloadMs = 0, DateTimeOffset? retryAt = null)
    {
        Track(row);
        if (!keepStatus)
        {
            row.NextAttemptAt = retryAt;
            row.Status = result switch
            {
                CollectFileResult.Skipped => CollectedFileStatus.Skipped,
                CollectFileResult.Waiting => CollectedFileStatus.Waiting,
                _ => CollectedFileStatus.Failed,
            };
            row.Reason = reason;
            row.Detail = detail;
            row.Rev = file.Rev;
        }
        switch (result)
        {
            case CollectFileResult.Skipped:
                run.Run.Skipped++;
                break;
            case CollectFileResult.Waiting:
                run.Run.Waiting++;
                break;
            default:
                run.Run.Failed++;
                break;
        }
        Add(run, file, result, reason, detail, null, 0, downloadMs, 0);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private CollectedFile NewRow(RunContext run, FileMetadata file)
    {
        var row = new CollectedFile
        {
            CompanyId = run.Channel.CompanyId,
            ChannelId = run.Channel.Id,
            DropboxFileId = file.Id,
            ContentHash = HashOf(file),
            Rev = file.Rev,
            Path = file.PathDisplay ?? file.PathLower ?? file.Name,
            Size = file.Size,
            FirstSeenAt = time.GetUtcNow(),
        };
        // Tracked only once it has a status (Track): the inbox saves this context while filing, and a
        // row saved half-made would read as settled after a crash.
        return row;
    }

    private void Track(CollectedFile row)
    {
        if (db.Entry(row).State == EntityState.Detached)
        {
            db.CollectedFiles.Add(row);
        }
    }

    private CollectionRunFile Add(RunContext run, FileMetadata file, CollectFileResult result, string? reason, string? detail, Guid? itemId, int items, int downloadMs, int storeMs) =>
        db.CollectionRunFiles.Add(new CollectionRunFile
        {
            CompanyId = run.Channel.CompanyId,
            RunId = run.Run.Id,
            Path = Cut(file.PathDisplay ?? file.PathLower ?? file.Name, 1024),
            DropboxFileId = file.Id,
            Size = file.Size,
            Result = result,
            Reason = reason,
            Detail = detail is null ? null : Cut(detail, 2000),
            InboxItemId = itemId,
            Items = items,
            DownloadMs = downloadMs,
            StoreMs = storeMs,
            At = time.GetUtcNow(),
        }).Entity;

    private static string HashOf(FileMetadata file) => file.ContentHash is { Length: > 0 } hash ? hash : "rev:" + file.Rev;

    private static string Mib(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MiB";

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    private static string? Join(string? a, string? b) => a is null ? b : b is null ? a : a + " " + b;

    /// <summary>What filing a downloaded file gave: the first item and how many, or why not.</summary>
    private sealed record Intake(Guid? FirstItemId, int Items, string? Detail, string? Reason = null)
    {
        public int ReadMs { get; init; }

        public static Intake Refused(string reason, string detail) => new(null, 0, detail, reason);
    }

    /// <summary>The channel's destination is gone: the run stops, the channel is paused.</summary>
    private sealed class DestinationGoneException : Exception;
}
