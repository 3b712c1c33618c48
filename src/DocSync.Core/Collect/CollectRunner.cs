using DocSync.Core.Access;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using DocSync.Core.Reading;
using DocSync.Core.Sync;
using DocSync.Dropbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Collect;

/// <summary>
/// One run of a channel: checks the source folder is still there, lists what is new (everything on
/// a scheduled or manual run, the changes since the cursor on a real-time run), decides per file
/// with the ledger, and takes each new, settled file: download (hash-checked, pinned to the
/// revision seen) → read (text layer or OCR) → store and file in the inbox → ledger → after-action.
/// Exactly once: the inbox refuses a second item for the same source identity (Dropbox account,
/// file id, content hash), so a crash anywhere, or two runs racing, cannot file a file twice.
/// </summary>
public sealed partial class CollectRunner(
    DocSyncDbContext db,
    InboxService inbox,
    DocumentReader reader,
    ChannelLocks locks,
    SyncLoops loops,
    IOptions<CollectOptions> options,
    TimeProvider time,
    ILogger<CollectRunner> logger)
{
    /// <summary>The folder under the source folder that processed files move to (never collected from).</summary>
    public const string ProcessedFolder = "Processed";

    private readonly CollectOptions _options = options.Value;
    private readonly BackoffPolicy _backoff = new(options.Value.RetryBackoff());

    /// <summary>
    /// Runs channel <paramref name="channelId"/> of the current company once. Returns
    /// <see langword="null"/> when another run holds the channel (a manual run waits for it first).
    /// </summary>
    /// <param name="channelId">The channel.</param>
    /// <param name="trigger">What started the run.</param>
    /// <param name="client">A client for the channel's connection.</param>
    /// <param name="startedBy">Who pressed "Run now".</param>
    /// <param name="cancellationToken">Stops the run; what was filed stays filed.</param>
    /// <exception cref="ConnectionNeedsRelinkException">Dropbox refused the connection's grant.</exception>
    public async Task<CollectionRun?> RunAsync(Guid channelId, CollectTrigger trigger, DropboxClient client, Guid? startedBy = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var wait = trigger == CollectTrigger.Manual ? TimeSpan.FromSeconds(60) : TimeSpan.Zero;
        using var local = await locks.TryTakeAsync(channelId, wait, cancellationToken).ConfigureAwait(false);
        if (local is null)
        {
            return null;
        }
        var owner = await db.CollectionChannels.AsNoTracking().Where(c => c.Id == channelId).Select(c => new { c.CompanyId, c.ConnectionId })
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        var lease = await loops.TryTakeAsync(SyncEngine.Collect, channelId, owner.CompanyId, owner.ConnectionId, new LeaseTerms(_options.Instance, _options.LeaseDuration),
            SyncLoopState.Listing, wait, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            return null;
        }
        await using (lease)
        {
            using var held = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
            return await RunHeldAsync(channelId, trigger, client, startedBy, lease, held.Token).ConfigureAwait(false);
        }
    }

    private async Task<CollectionRun?> RunHeldAsync(Guid channelId, CollectTrigger trigger, DropboxClient client, Guid? startedBy, LoopLease lease,
        CancellationToken cancellationToken)
    {
        var channel = await db.CollectionChannels.SingleAsync(c => c.Id == channelId, cancellationToken).ConfigureAwait(false);
        var connection = await db.DropboxConnections.AsNoTracking().SingleAsync(c => c.Id == channel.ConnectionId, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var run = new CollectionRun
        {
            Id = Guid.CreateVersion7(now),
            CompanyId = channel.CompanyId,
            ChannelId = channel.Id,
            Trigger = trigger,
            StartedBy = startedBy,
            StartedAt = now,
            Outcome = CollectRunOutcome.Running,
        };
        db.CollectionRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var context = new RunContext(channel, run, connection.AccountId, client, lease);
        ConnectionNeedsRelinkException? relink = null;
        try
        {
            await RunChannelAsync(context, cancellationToken).ConfigureAwait(false);
            run.Outcome = channel.Problem is null ? CollectRunOutcome.Completed : CollectRunOutcome.Paused;
            run.Problem = channel.Problem;
            run.ProblemCode = channel.ProblemCode;
        }
        catch (DestinationGoneException)
        {
            run.Outcome = CollectRunOutcome.Paused;
            run.Problem = channel.Problem;
            run.ProblemCode = channel.ProblemCode;
        }
        catch (DropboxAuthException e)
        {
            relink = ConnectionNeedsRelinkException.From(e);
            run.Outcome = CollectRunOutcome.Paused;
            run.Problem = relink.Message;
            run.ProblemCode = "needs-relink";
        }
        catch (Exception e) when (FailureClassifier.IsDropboxFailure(e, cancellationToken))
        {
            run.Outcome = CollectRunOutcome.Failed;
            run.Problem = "Dropbox could not be reached or failed (" + FailureClassifier.Describe(e) + "); the next run tries again.";
            run.ProblemCode = CollectReasons.DropboxFailed;
            LogRunFailed(logger, channel.Id, e.GetType().Name);
        }

        // A cancelled run ends here without its end: the history shows it as interrupted.
        await FinishAsync(context, CancellationToken.None).ConfigureAwait(false);
        switch (run.Outcome)
        {
            case CollectRunOutcome.Paused when relink is not null:
                lease.EndIn(SyncLoopState.NeedsRelink, relink.Message);
                break;
            case CollectRunOutcome.Paused:
                lease.EndIn(SyncLoopState.Paused, run.Problem);
                break;
            case CollectRunOutcome.Failed:
                lease.EndIn(SyncLoopState.Error, run.Problem);
                break;
        }
        if (relink is not null)
        {
            throw relink;
        }

        return run;
    }

    private async Task RunChannelAsync(RunContext run, CancellationToken cancellationToken)
    {
        var channel = run.Channel;
        var source = await CheckSourceAsync(run, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return;
        }

        var (files, cursor) = await ListAsync(run, source, cancellationToken).ConfigureAwait(false);
        if (files is null)
        {
            return;
        }

        // Files seen still changing on an earlier look, and files whose download or reading failed and
        // whose retry is due, are looked at again, even if the cursor does not show them.
        var now = time.GetUtcNow();
        var manual = run.Run.Trigger == CollectTrigger.Manual;
        var waiting = await db.CollectedFiles.AsNoTracking()
            .Where(f => f.ChannelId == channel.Id
                        && (f.Status == CollectedFileStatus.Waiting
                            || (f.Status == CollectedFileStatus.Failed && f.NextAttemptAt != null && (manual || f.NextAttemptAt <= now))))
            .Select(f => f.DropboxFileId).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in waiting.Where(id => files.All(f => f.Id != id)))
        {
            if (await run.Client.TryGetMetadataAsync(id, cancellationToken).ConfigureAwait(false) is FileMetadata again && Inside(source, again))
            {
                files.Add(again);
            }
        }

        await run.Lease.SetAsync(SyncLoopState.Transferring, cancellationToken: cancellationToken).ConfigureAwait(false);
        await ProcessAsync(run, source, files, cancellationToken).ConfigureAwait(false);
        channel.Cursor = cursor;
    }

    /// <summary>The source folder as Dropbox has it now, or <see langword="null"/> (the channel paused with why) when it is gone or moved.</summary>
    private async Task<FolderMetadata?> CheckSourceAsync(RunContext run, CancellationToken cancellationToken)
    {
        var channel = run.Channel;
        var found = await run.Client.TryGetMetadataAsync(channel.SourceFolderId ?? channel.SourcePath, cancellationToken).ConfigureAwait(false);
        if (found is null && channel.SourceFolderId is not null)
        {
            found = await run.Client.TryGetMetadataAsync(channel.SourcePath, cancellationToken).ConfigureAwait(false);
            if (found is not null)
            {
                Pause(channel, "source-replaced",
                    $"The source folder {channel.SourcePath} was deleted and a new folder made at the same place. Confirm it in the channel's settings; nothing was read.");
                return null;
            }
        }
        switch (found)
        {
            case null:
                Pause(channel, "source-missing",
                    $"The source folder {channel.SourcePath} no longer exists in Dropbox (deleted, or the connection lost access to it). Nothing was read; choose the folder again.");
                return null;
            case not FolderMetadata:
                Pause(channel, "source-not-folder", $"{channel.SourcePath} is a file, not a folder. Choose a folder.");
                return null;
            case FolderMetadata folder when channel.LastRunAt is null && !SamePath(folder, channel.SourcePath):
                // Before any run the path the person chose is the truth; an id picked for another path is dropped.
                channel.SourceFolderId = null;
                return await CheckSourceAsync(run, cancellationToken).ConfigureAwait(false);
            case FolderMetadata folder when !SamePath(folder, channel.SourcePath):
                Pause(channel, "source-moved",
                    $"The source folder was renamed or moved from {channel.SourcePath} to {folder.PathDisplay}. Confirm the new place in the channel's settings; nothing was read.");
                return null;
            case FolderMetadata folder:
                if (channel.Problem is not null)
                {
                    channel.Problem = null;
                    channel.ProblemCode = null;
                }
                channel.SourceFolderId ??= folder.Id;
                return folder;
        }
    }

    /// <summary>The files to look at and the cursor to keep; <see langword="null"/> files when the folder vanished mid-listing (the channel is paused).</summary>
    private async Task<(List<FileMetadata>? Files, string? Cursor)> ListAsync(RunContext run, FolderMetadata source, CancellationToken cancellationToken)
    {
        var channel = run.Channel;
        if (run.Run.Trigger == CollectTrigger.RealTime && channel.Cursor is { } cursor)
        {
            var changes = await run.Client.ListChangesAsync(cursor, cancellationToken).ConfigureAwait(false);
            if (!changes.IsReset)
            {
                return ([.. changes.Entries.OfType<FileMetadata>().Where(f => Inside(source, f))], changes.Cursor);
            }
            LogCursorReset(logger, channel.Id);
        }

        var files = new List<FileMetadata>();
        string? last = null;
        try
        {
            await foreach (var page in run.Client.ListFolderPagesAsync(source.PathLower ?? channel.SourcePath, new ListFolderOptions { Recursive = true }, cancellationToken)
                               .ConfigureAwait(false))
            {
                files.AddRange(page.Entries.OfType<FileMetadata>().Where(f => Inside(source, f)));
                last = page.Cursor;
            }
        }
        catch (DropboxApiException e) when (e.StatusCode == 409 && e.HasTag("path/" + DropboxErrorTags.NotFound))
        {
            Pause(channel, "source-missing",
                $"The source folder {channel.SourcePath} disappeared while it was being read. Nothing more was read; choose the folder again.");
            return (null, null);
        }
        return (files, last);
    }

    private static bool SamePath(FolderMetadata folder, string path) =>
        string.Equals(folder.PathLower, path.ToLowerInvariant(), StringComparison.Ordinal) || string.Equals(folder.PathDisplay, path, StringComparison.OrdinalIgnoreCase);

    /// <summary>Under the source folder and not in its <c>Processed</c> folder.</summary>
    private static bool Inside(FolderMetadata source, FileMetadata file)
    {
        var root = (source.PathLower ?? "").TrimEnd('/') + "/";
        var path = file.PathLower ?? "";
        return path.StartsWith(root, StringComparison.Ordinal)
               && !path.StartsWith(root + ProcessedFolder.ToLowerInvariant() + "/", StringComparison.Ordinal);
    }

    private static void Pause(CollectionChannel channel, string code, string problem)
    {
        channel.ProblemCode = code;
        channel.Problem = problem;
    }

    private async Task FinishAsync(RunContext run, CancellationToken cancellationToken)
    {
        // Settings changed during the run (another folder chosen): what this run learnt about the old
        // folder (its cursor, id, problem) must not be written over them.
        var current = await db.CollectionChannels.AsNoTracking().Where(c => c.Id == run.Channel.Id)
            .Select(c => new { c.SourcePath, c.ConnectionId }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (current is not null && (current.SourcePath != run.SourcePath || current.ConnectionId != run.Channel.ConnectionId))
        {
            var entry = db.Entry(run.Channel);
            foreach (var property in new[] { nameof(CollectionChannel.Cursor), nameof(CollectionChannel.SourceFolderId), nameof(CollectionChannel.Problem), nameof(CollectionChannel.ProblemCode) })
            {
                entry.Property(property).IsModified = false;
            }
        }
        var now = time.GetUtcNow();
        run.Run.EndedAt = now;
        run.Channel.LastRunAt = now;
        // The next look: soon for a file still changing, when the earliest failed file's retry falls due.
        var retryAt = await db.CollectedFiles.AsNoTracking()
            .Where(f => f.ChannelId == run.Channel.Id && f.Status == CollectedFileStatus.Failed && f.NextAttemptAt != null)
            .MinAsync(f => f.NextAttemptAt, cancellationToken).ConfigureAwait(false);
        foreach (var tracked in db.CollectedFiles.Local.Where(f => f.Status == CollectedFileStatus.Failed && f.NextAttemptAt is not null))
        {
            retryAt = retryAt is null || tracked.NextAttemptAt < retryAt ? tracked.NextAttemptAt : retryAt;
        }
        DateTimeOffset? recheckAt = run.Run.Waiting > 0 ? now + _options.RecheckDelay : null;
        run.Channel.RecheckAt = recheckAt is null || (retryAt is not null && retryAt < recheckAt) ? retryAt : recheckAt;
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        LogRunFinished(logger, run.Channel.Id, run.Run.Trigger, run.Run.Seen, run.Run.Collected, run.Run.Skipped, run.Run.Failed, run.Run.Waiting);
    }

    private sealed class RunContext(CollectionChannel channel, CollectionRun run, string accountId, DropboxClient client, LoopLease lease)
    {
        public LoopLease Lease { get; } = lease;

        public CollectionChannel Channel { get; } = channel;

        public CollectionRun Run { get; } = run;

        public string AccountId { get; } = accountId;

        public DropboxClient Client { get; } = client;

        /// <summary>The source folder as the run started with it.</summary>
        public string SourcePath { get; } = channel.SourcePath;

        public int ReadMs { get; set; }
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "Collection channel {ChannelId} ran ({Trigger}): {Seen} seen, {Collected} collected, {Skipped} skipped, {Failed} failed, {Waiting} waiting")]
    private static partial void LogRunFinished(ILogger logger, Guid channelId, CollectTrigger trigger, int seen, int collected, int skipped, int failed, int waiting);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Collection channel {ChannelId}: Dropbox failed ({Error}); the next run tries again")]
    private static partial void LogRunFailed(ILogger logger, Guid channelId, string error);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Collection channel {ChannelId}: Dropbox reset the cursor; listing the whole folder")]
    private static partial void LogCursorReset(ILogger logger, Guid channelId);
}
