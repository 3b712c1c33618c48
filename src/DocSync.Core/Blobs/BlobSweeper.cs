using DocSync.Core.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Blobs;

/// <summary>What one sweep did.</summary>
/// <param name="Examined">Blobs older than the grace period that were checked.</param>
/// <param name="Removed">Blobs removed (no row referenced them).</param>
/// <param name="BytesRemoved">Their bytes.</param>
/// <param name="TemporaryFilesRemoved">Left-over temporary files removed.</param>
public sealed record BlobSweepResult(int Examined, int Removed, long BytesRemoved, int TemporaryFilesRemoved);

/// <summary>
/// Mark and sweep over the blob store: removes blobs no row references (uploads refused after their
/// bytes were stored, files of rows deleted) once they are older than
/// <see cref="BlobStoreOptions.GracePeriod"/>. It can never remove a referenced blob:
/// <list type="number">
/// <item>the store is listed first and only blobs last written before the grace period are candidates;</item>
/// <item>the references are read after that listing (the mark), so a row committed before it is seen;</item>
/// <item>a row committed after it references a blob that was either written within the grace period
/// (not a candidate) or found already stored, and a write that finds its content stored renews the
/// blob's time first; the sweep renames a candidate aside and reads its time again, putting back a
/// renewed one, and a writer coming after the rename stores its own copy
/// (<see cref="BlobStore.TryRemove"/>).</item>
/// </list>
/// The grace period must outlast the longest write (a blob stored, then its row committed).
/// </summary>
public sealed partial class BlobSweeper(BlobStore store, IServiceScopeFactory scopes, IOptions<BlobStoreOptions> options, ILogger<BlobSweeper> logger)
{
    private const int Batch = 500;

    /// <summary>Sweeps once.</summary>
    /// <param name="cancellationToken">Stops between batches; what was removed stays removed.</param>
    public async Task<BlobSweepResult> SweepAsync(CancellationToken cancellationToken = default)
    {
        // File times are the file system's: the cut-off is read from the same clock.
        var writtenBefore = DateTime.UtcNow - options.Value.GracePeriod;
        var candidates = store.List().Where(b => b.LastWriteUtc < writtenBefore).ToList();
        int examined = 0, removed = 0;
        long bytes = 0;
        foreach (var batch in candidates.Chunk(Batch))
        {
            cancellationToken.ThrowIfCancellationRequested();
            HashSet<string> referenced;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<DocSyncDbContext>();
                referenced = await BlobReferences.ReferencedAsync(db, batch.Select(b => b.Sha256).ToList(), cancellationToken).ConfigureAwait(false);
            }

            foreach (var blob in batch)
            {
                examined++;
                if (!referenced.Contains(blob.Sha256) && store.TryRemove(blob.Sha256, writtenBefore) is { } length)
                {
                    removed++;
                    bytes += length;
                    LogRemoved(logger, blob.Sha256, length);
                }
            }
        }

        var temporary = store.RemoveStaleTemporaryFiles(writtenBefore);
        var result = new BlobSweepResult(examined, removed, bytes, temporary);
        LogSwept(logger, removed, bytes, examined, temporary);
        return result;
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Debug, Message = "Removed unreferenced blob {Sha256} ({Length} bytes)")]
    private static partial void LogRemoved(ILogger logger, string sha256, long length);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information,
        Message = "Blob sweep removed {Count} unreferenced blobs ({Bytes} bytes) of {Examined} past the grace period, and {Temporary} left-over temporary files")]
    private static partial void LogSwept(ILogger logger, int count, long bytes, int examined, int temporary);
}
