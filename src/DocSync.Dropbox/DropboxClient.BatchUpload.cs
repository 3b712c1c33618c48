using System.Threading.Channels;
using DocSync.Dropbox.Http;
using DocSync.Dropbox.Logging;
using DocSync.Dropbox.Uploads;

namespace DocSync.Dropbox;

public sealed partial class DropboxClient
{
    private const int MaxCommitRounds = 4;

    private sealed record StagedUpload(int Index, string SessionId, long Length, string Hash);

    /// <summary>
    /// Uploads many files the way Dropbox recommends: the bytes go up in parallel upload sessions
    /// (<see cref="DropboxClientOptions.BatchUploadParallelism"/> at once, each closed by its last
    /// append), and the commits go in <c>finish_batch_v2</c> groups of up to
    /// <see cref="DropboxClientOptions.BatchCommitSize"/>, one group at a time per namespace. Small
    /// files (seekable, at most <see cref="DropboxClientOptions.BatchPackThreshold"/>) are packed:
    /// up to 100 of them share one <c>start_batch</c> and one <c>append_batch</c> request. Returns
    /// one result per item, in order; one file failing does not stop the others.
    /// </summary>
    public async Task<IReadOnlyList<BatchUploadResult>> UploadBatchAsync(IReadOnlyList<BatchUploadItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            RequirePath(item.Path);
        }
        var results = new BatchUploadResult?[items.Count];
        var staged = Channel.CreateUnbounded<StagedUpload>(new UnboundedChannelOptions { SingleReader = true });
        var committer = CommitStagedAsync(staged.Reader, items, results, cancellationToken);
        var small = Channel.CreateUnbounded<PackedFile>(new UnboundedChannelOptions { SingleReader = true });
        try
        {
            var packer = PackSmallFilesAsync(small.Reader, staged.Writer, items, results, cancellationToken);
            try
            {
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = _transport.Options.BatchUploadParallelism, CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), parallel, async (index, token) =>
                {
                    try
                    {
                        var content = items[index].OpenContent();
                        await using (content.ConfigureAwait(false))
                        {
                            if (await ReadSmallAsync(content, token).ConfigureAwait(false) is { } bytes)
                            {
                                await small.Writer.WriteAsync(new PackedFile(index, bytes), token).ConfigureAwait(false);
                                return;
                            }
                            await staged.Writer.WriteAsync(await StageAsync(index, content, token).ConfigureAwait(false), token).ConfigureAwait(false);
                        }
                    }
                    catch (Exception e) when (e is DropboxApiException or IOException or InvalidDataException && !token.IsCancellationRequested)
                    {
                        results[index] = Failed(items[index].Path, e);
                    }
                }).ConfigureAwait(false);
            }
            finally
            {
                small.Writer.TryComplete();
            }
            await packer.ConfigureAwait(false);
        }
        finally
        {
            staged.Writer.TryComplete();
        }
        await committer.ConfigureAwait(false);
        return results.Select((r, i) => r ?? Failed(items[i].Path, new InvalidOperationException("The upload was not committed."))).ToList();
    }

    /// <summary>Sends one file's bytes into a session and closes it; the commit comes later, in a group.</summary>
    private async Task<StagedUpload> StageAsync(int index, Stream content, CancellationToken cancellationToken)
    {
        {
            using var whole = new DropboxContentHasher();
            var chunkSize = _transport.Options.UploadChunkSize;
            var buffer = new byte[ChunkLength(content, chunkSize)];
            var filled = await ChunkReader.FillAsync(content, buffer, cancellationToken).ConfigureAwait(false);
            whole.Append(buffer.AsSpan(0, filled));
            if (filled < buffer.Length)
            {
                // The common case: the whole file in one request that opens and closes the session.
                var only = await UploadSessionStartAsync(buffer.AsMemory(0, filled), close: true, cancellationToken).ConfigureAwait(false);
                return new StagedUpload(index, only, filled, whole.GetHashHexAndReset());
            }
            var sessionId = await UploadSessionStartAsync(buffer.AsMemory(0, filled), close: false, cancellationToken).ConfigureAwait(false);
            long offset = filled;
            if (buffer.Length < chunkSize)
            {
                buffer = new byte[chunkSize];
            }
            while (true)
            {
                filled = await ChunkReader.FillAsync(content, buffer, cancellationToken).ConfigureAwait(false);
                whole.Append(buffer.AsSpan(0, filled));
                var last = filled < buffer.Length;
                offset = await UploadSessionAppendAsync(sessionId, offset, buffer.AsMemory(0, filled), close: last, cancellationToken).ConfigureAwait(false);
                if (last)
                {
                    return new StagedUpload(index, sessionId, offset, whole.GetHashHexAndReset());
                }
            }
        }
    }

    /// <summary>
    /// Takes staged sessions as they come and commits them in groups: a group goes when it is full,
    /// when staging has finished, or when nothing new arrived for <see cref="DropboxClientOptions.BatchCommitIdle"/>.
    /// </summary>
    private async Task CommitStagedAsync(ChannelReader<StagedUpload> reader, IReadOnlyList<BatchUploadItem> items, BatchUploadResult?[] results,
        CancellationToken cancellationToken)
    {
        var size = _transport.Options.BatchCommitSize;
        var group = new List<StagedUpload>(size);
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var open = true;
            while (open && group.Count < size)
            {
                while (group.Count < size && reader.TryRead(out var next))
                {
                    group.Add(next);
                }
                if (group.Count >= size)
                {
                    break;
                }
                open = await MoreWithinIdleAsync(reader, cancellationToken).ConfigureAwait(false);
            }
            if (group.Count > 0)
            {
                await CommitGroupAsync(group, items, results, cancellationToken).ConfigureAwait(false);
                group.Clear();
            }
        }
    }

    private async Task CommitGroupAsync(List<StagedUpload> group, IReadOnlyList<BatchUploadItem> items, BatchUploadResult?[] results,
        CancellationToken cancellationToken)
    {
        var pending = group.ToList();
        for (var round = 1; pending.Count > 0; round++)
        {
            IReadOnlyList<BatchEntryResult> answers;
            CallTrace trace;
            try
            {
                (answers, trace) = await FinishBatchCoreAsync(
                    pending.Select(s => new UploadSessionCommit(s.SessionId, s.Length, items[s.Index].Path, items[s.Index].Commit)).ToList(),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (DropboxApiException e)
            {
                foreach (var s in pending)
                {
                    results[s.Index] = Failed(items[s.Index].Path, e);
                }
                return;
            }
            var again = new List<StagedUpload>();
            for (var k = 0; k < pending.Count; k++)
            {
                var s = pending[k];
                var path = items[s.Index].Path;
                var answer = answers[k];
                if (answer.Metadata is FileMetadata file)
                {
                    results[s.Index] = new BatchUploadResult { Path = path, Metadata = file };
                }
                else if (trace.MayHaveApplied && answer.ErrorTag is { } lost
                    && (lost.StartsWith(DropboxErrorTags.LookupFailed + "/" + DropboxErrorTags.NotFound, StringComparison.Ordinal)
                        || lost.StartsWith("path/" + DropboxErrorTags.Conflict, StringComparison.Ordinal)))
                {
                    // The batch was answered only on a retry: this entry may have landed the first time.
                    results[s.Index] = await ConfirmBatchEntryAsync(path, s.Hash, items[s.Index].Commit ?? CommitOptions.Default, lost, cancellationToken)
                        .ConfigureAwait(false);
                }
                else if (round < MaxCommitRounds && answer.ErrorTag is { } tag && RetryClassifier.IsTransient(409, tag))
                {
                    again.Add(s);
                }
                else
                {
                    results[s.Index] = new BatchUploadResult { Path = path, ErrorTag = answer.ErrorTag ?? DropboxErrorTags.Other };
                }
            }
            pending = again;
            if (pending.Count > 0)
            {
                var pause = _transport.Retry.DelayFor(new DropboxApiException("files/upload_session/finish_batch_v2", 409,
                    DropboxErrorTags.TooManyWriteOperations, "", null, null, isTransient: true), round);
                await _transport.Retry.WaitAsync(pause, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<BatchUploadResult> ConfirmBatchEntryAsync(string path, string hash, CommitOptions commit, string errorTag, CancellationToken cancellationToken)
    {
        Metadata? current;
        try
        {
            current = await TryGetMetadataAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (DropboxApiException e) when (!cancellationToken.IsCancellationRequested)
        {
            // The check itself failed: report this file as failed (its caller retries), never the whole batch.
            return Failed(path, e);
        }
        if (current is FileMetadata file && file.ContentHash == hash && (commit.Mode.Rev is null || commit.Mode.Rev != file.Rev))
        {
            Log.WriteConfirmed(_transport.Logger, path, errorTag);
            return new BatchUploadResult { Path = path, Metadata = file };
        }
        return new BatchUploadResult { Path = path, ErrorTag = errorTag };
    }

    private static BatchUploadResult Failed(string path, Exception error) => new()
    {
        Path = path,
        Error = error,
        ErrorTag = error is DropboxApiException api ? (api.ErrorTag.Length > 0 ? api.ErrorTag : $"http_{api.StatusCode}") : DropboxErrorTags.Other,
    };
}
