using DocSync.Core.Access;
using DocSync.Core.Collect.History;
using DocSync.Core.Collect.Intake;
using DocSync.Core.Collect.Listing;
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
/// One run of a channel, orchestrated: takes the channel (in this process and by lease across
/// instances), checks the source folder and lists what is new (<see cref="SourceListing"/>), asks the
/// <see cref="Planning.CollectPlanner"/> what to do with each file given the ledger, and carries the
/// decisions out: files to collect are downloaded and read several at once (<see cref="FileIntake"/>,
/// up to <see cref="ReadingOptions.MaxConcurrency"/>) and filed in the inbox one at a time in the
/// planner's order (<see cref="InboxFiling"/>), each outcome saved in the ledger and the history
/// (<see cref="RunRecorder"/>) before the after-action (<see cref="AfterAction.AfterCollectAction"/>).
/// Exactly once: the inbox refuses a second item for the same source identity (Dropbox account,
/// file id, content hash), so a crash anywhere, or two runs racing, cannot file a file twice; the
/// cursor is kept only once every file listed is decided, so a crash never skips one.
/// </summary>
public sealed partial class CollectRunner(
    DocSyncDbContext db,
    InboxService inbox,
    DocumentReader reader,
    IOptions<ReadingOptions> reading,
    ChannelLocks locks,
    SyncLoops loops,
    IOptions<CollectOptions> options,
    TimeProvider time,
    ILogger<CollectRunner> logger)
{
    /// <summary>The folder under the source folder that processed files move to (never collected from).</summary>
    public const string ProcessedFolder = "Processed";

    private readonly CollectOptions _options = options.Value;
    private readonly RunRecorder _recorder = new(db, time, new BackoffPolicy(options.Value.RetryBackoff()));
    private readonly FileIntake _intake = new(reader, options.Value);
    private readonly InboxFiling _filing = new(inbox);

    /// <summary>How many files of a run are downloaded and read at once (<see cref="ReadingOptions.MaxConcurrency"/>).</summary>
    private readonly int _readers = Math.Max(1, reading.Value.MaxConcurrency);

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
        var context = new CollectRunContext(channel, run, connection.AccountId, client, lease);
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

    private async Task RunChannelAsync(CollectRunContext run, CancellationToken cancellationToken)
    {
        var channel = run.Channel;
        var source = await SourceListing.CheckAsync(run, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return;
        }

        var listing = await SourceListing.ListAsync(run, source, cancellationToken).ConfigureAwait(false);
        if (listing.CursorReset)
        {
            LogCursorReset(logger, channel.Id);
        }
        if (listing.Files is not { } files)
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
        var listed = files.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in waiting.Where(id => !listed.Contains(id)))
        {
            if (await run.Client.TryGetMetadataAsync(id, cancellationToken).ConfigureAwait(false) is FileMetadata again && SourceListing.Inside(source, again))
            {
                files.Add(again);
            }
        }

        await run.Lease.SetAsync(SyncLoopState.Transferring, cancellationToken: cancellationToken).ConfigureAwait(false);
        await ProcessAsync(run, source, files, cancellationToken).ConfigureAwait(false);
        // Every file listed is decided and saved in the ledger: only now may the next run start after them.
        channel.Cursor = listing.Cursor;
    }

    private async Task FinishAsync(CollectRunContext run, CancellationToken cancellationToken)
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
        if (run.Run is { Trigger: CollectTrigger.RealTime or CollectTrigger.Recheck, Outcome: CollectRunOutcome.Completed, Seen: 0, Problem: null })
        {
            // A wake-up that found nothing (a change elsewhere in the account) is not history.
            db.CollectionRuns.Remove(run.Run);
        }
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

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "Collection channel {ChannelId} ran ({Trigger}): {Seen} seen, {Collected} collected, {Skipped} skipped, {Failed} failed, {Waiting} waiting")]
    private static partial void LogRunFinished(ILogger logger, Guid channelId, CollectTrigger trigger, int seen, int collected, int skipped, int failed, int waiting);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Collection channel {ChannelId}: Dropbox failed ({Error}); the next run tries again")]
    private static partial void LogRunFailed(ILogger logger, Guid channelId, string error);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Collection channel {ChannelId}: Dropbox reset the cursor; listing the whole folder")]
    private static partial void LogCursorReset(ILogger logger, Guid channelId);
}
