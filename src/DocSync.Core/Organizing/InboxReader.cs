using DocSync.Core.Access;
using DocSync.Core.Blobs;
using DocSync.Core.Persistence;
using DocSync.Core.Reading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DocSync.Core.Organizing;

/// <summary>
/// Reads the inbox items that arrived without their text (uploads, API): text layer or OCR, fields,
/// duplicate flag, so every pending item is searchable whatever its source. Runs in the background;
/// an item is read once (a crash mid-read reads it again).
/// </summary>
public sealed partial class InboxReader(IServiceScopeFactory scopes, DocumentReader reader, BlobStore blobs, InboxReadingSignal signal, ILogger<InboxReader> logger)
{
    /// <summary>Reads unread pending items until <paramref name="cancellationToken"/> fires.</summary>
    /// <param name="cancellationToken">Stops the reader.</param>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var read = 0;
            try
            {
                read = await ReadPendingAsync(10, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, e);
            }
            if (read == 0)
            {
                try
                {
                    await signal.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Reads up to <paramref name="count"/> unread pending items (oldest first, every company); returns how many.</summary>
    /// <param name="count">The most to read.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<int> ReadPendingAsync(int count, CancellationToken cancellationToken = default)
    {
        List<(Guid Id, Guid CompanyId, string FileName, string Sha256)> items;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DocSyncDbContext>();
            items = (await db.InboxItems.IgnoreQueryFilters().AsNoTracking()
                    .Where(i => i.ReadState == InboxReadState.NotRead && i.Status == InboxItemStatus.Pending)
                    .OrderBy(i => i.ReceivedAt).Take(count)
                    .Select(i => new { i.Id, i.CompanyId, i.FileName, i.Sha256 })
                    .ToListAsync(cancellationToken).ConfigureAwait(false))
                .Select(i => (i.Id, i.CompanyId, i.FileName, i.Sha256)).ToList();
        }

        foreach (var (id, companyId, fileName, sha256) in items)
        {
            ReadResult result;
            await using (var content = blobs.OpenRead(sha256))
            {
                result = await reader.ReadAsync(content, fileName, cancellationToken).ConfigureAwait(false);
            }
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CompanyContext>().Enter(CompanyScope.System(companyId));
            await scope.ServiceProvider.GetRequiredService<InboxService>().ApplyReadingAsync(id, InboxReading.From(result), cancellationToken).ConfigureAwait(false);
            LogRead(logger, id, result.Outcome, result.Method, (int)result.Duration.TotalMilliseconds);
        }
        return items.Count;
    }

    [LoggerMessage(EventId = 2951, Level = LogLevel.Information, Message = "Inbox item {ItemId} read: {Outcome} ({Method}, {Milliseconds} ms)")]
    private static partial void LogRead(ILogger logger, Guid itemId, ReadOutcome outcome, string method, int milliseconds);

    [LoggerMessage(EventId = 2952, Level = LogLevel.Error, Message = "Reading the inbox failed; it tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
