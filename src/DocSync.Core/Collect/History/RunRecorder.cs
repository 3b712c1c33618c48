using System.Globalization;
using DocSync.Core.Persistence;
using DocSync.Core.Sync;
using DocSync.Dropbox;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Collect.History;

/// <summary>
/// Writes what a run did to a file: the ledger row (what the next run knows of this file id and
/// content), the run's counts and its history line. Each file's outcome is saved before the next file
/// is looked at: a crash loses at most the file under way, which the next run takes again (the inbox
/// files it once).
/// </summary>
internal sealed class RunRecorder(DocSyncDbContext db, TimeProvider time, BackoffPolicy backoff)
{
    /// <summary>Records <paramref name="result"/> for <paramref name="file"/> and saves.</summary>
    /// <param name="run">The run.</param>
    /// <param name="file">The file as listed.</param>
    /// <param name="row">Its ledger row (new or known).</param>
    /// <param name="result">The outcome: skipped, waiting or failed.</param>
    /// <param name="reason">A <see cref="CollectReasons"/> code.</param>
    /// <param name="detail">The reason in words.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <param name="keepStatus">Only count and write the history line; the row keeps its status (a move noted).</param>
    /// <param name="downloadMs">Milliseconds downloading, when it was downloaded.</param>
    /// <param name="retryAt">When a failure that may pass is tried again.</param>
    public async Task RecordAsync(CollectRunContext run, FileMetadata file, CollectedFile row, CollectFileResult result, string reason, string? detail,
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

    /// <summary>
    /// A failure that may pass (download, reading, storing): the file is tried again by the first run
    /// of any kind after its backoff (never sooner than Dropbox asked), and the detail says when.
    /// </summary>
    public async Task FailAsync(CollectRunContext run, FileMetadata file, CollectedFile row, string reason, string detail, CancellationToken cancellationToken,
        TimeSpan? retryAfter = null, int downloadMs = 0)
    {
        row.Attempts++;
        var retryAt = time.GetUtcNow() + backoff.Delay(row.Attempts, retryAfter);
        await RecordAsync(run, file, row, CollectFileResult.Failed, reason, Join(detail, RetryNote(row.Attempts, retryAt)), cancellationToken, downloadMs: downloadMs,
            retryAt: retryAt).ConfigureAwait(false);
    }

    /// <summary>Says when a failed file is tried again (UTC, invariant: the UI shows the detail as it is).</summary>
    public static string RetryNote(int attempts, DateTimeOffset retryAt) =>
        string.Create(CultureInfo.InvariantCulture, $"Attempt {attempts} failed; tried again by the first run after {retryAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.");

    /// <summary>A ledger row for a file seen for the first time (tracked only once it has a status).</summary>
    public CollectedFile NewRow(CollectRunContext run, FileMetadata file) => new()
    {
        CompanyId = run.Channel.CompanyId,
        ChannelId = run.Channel.Id,
        DropboxFileId = file.Id,
        ContentHash = Planning.ListedFile.HashOf(file),
        Rev = file.Rev,
        Path = file.PathDisplay ?? file.PathLower ?? file.Name,
        Size = file.Size,
        FirstSeenAt = time.GetUtcNow(),
    };

    /// <summary>
    /// Tracks a new row. Only once it has a status: the inbox saves this context while filing, and a row
    /// saved half-made would read as settled after a crash.
    /// </summary>
    public void Track(CollectedFile row)
    {
        if (db.Entry(row).State == EntityState.Detached)
        {
            db.CollectedFiles.Add(row);
        }
    }

    /// <summary>Adds the run's history line for <paramref name="file"/> (saved with the next save).</summary>
    public CollectionRunFile Add(CollectRunContext run, FileMetadata file, CollectFileResult result, string? reason, string? detail, Guid? itemId, int items,
        int downloadMs, int storeMs) =>
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

    public static string? Join(string? a, string? b) => a is null ? b : b is null ? a : a + " " + b;

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
