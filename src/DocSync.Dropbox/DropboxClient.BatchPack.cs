using System.Threading.Channels;
using DocSync.Dropbox.Uploads;

namespace DocSync.Dropbox;

public sealed partial class DropboxClient
{
    /// <summary>
    /// Files per <c>append_batch</c>. Its argument travels in a header (about 120 bytes an entry),
    /// and servers cap header size (32 KiB is common; Dropbox does not publish its limit), so a pack
    /// stays near 12 KiB of header rather than the 1000 entries the route allows.
    /// </summary>
    private const int MaxPackEntries = 100;

    /// <summary>Packs sent at the same time.</summary>
    private const int MaxPacksInFlight = 4;

    private sealed record PackedFile(int Index, byte[] Bytes);

    /// <summary>
    /// The whole content of a small seekable stream, or null (and the stream rewound) when it is
    /// larger than <see cref="DropboxClientOptions.BatchPackThreshold"/> or cannot say its length.
    /// </summary>
    private async Task<byte[]?> ReadSmallAsync(Stream content, CancellationToken cancellationToken)
    {
        var threshold = Math.Min(_transport.Options.BatchPackThreshold, _transport.Options.UploadChunkSize);
        if (threshold == 0 || !content.CanSeek)
        {
            return null;
        }
        var start = content.Position;
        var remaining = content.Length - start;
        if (remaining > threshold)
        {
            return null;
        }
        // One byte more than announced tells a stream whose length was wrong.
        var buffer = new byte[remaining + 1];
        var filled = await ChunkReader.FillAsync(content, buffer, cancellationToken).ConfigureAwait(false);
        if (filled == remaining)
        {
            return buffer[..filled];
        }
        content.Position = start;
        return null;
    }

    /// <summary>
    /// Packs small files: up to <see cref="MaxPackEntries"/> (and at most <see cref="DropboxClientOptions.UploadChunkSize"/>
    /// bytes) at a time get sessions from one <c>start_batch</c> and their bytes from one
    /// <c>append_batch</c>, each piece closing its session; the closed sessions join the commit groups.
    /// A pack goes when full, when the files stop coming, or after <see cref="DropboxClientOptions.BatchCommitIdle"/>.
    /// </summary>
    private async Task PackSmallFilesAsync(ChannelReader<PackedFile> reader, ChannelWriter<StagedUpload> staged,
        IReadOnlyList<BatchUploadItem> items, BatchUploadResult?[] results, CancellationToken cancellationToken)
    {
        var maxBytes = _transport.Options.UploadChunkSize;
        // A few packs in flight at once: each is two small requests, so latency, not bandwidth, bounds them.
        using var slots = new SemaphoreSlim(MaxPacksInFlight);
        var sending = new List<Task>();
        var pack = new List<PackedFile>();
        long bytes = 0;

        async Task SendAsync(List<PackedFile> files)
        {
            try
            {
                await SendPackAsync(files, staged, items, results, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        }

        async Task FlushAsync()
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            sending.Add(SendAsync(pack));
            pack = [];
            bytes = 0;
        }

        try
        {
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (reader.TryRead(out var file))
                {
                    if (pack.Count == MaxPackEntries || (pack.Count > 0 && bytes + file.Bytes.Length > maxBytes))
                    {
                        await FlushAsync().ConfigureAwait(false);
                    }
                    pack.Add(file);
                    bytes += file.Bytes.Length;
                }
                if (pack.Count > 0 && !await MoreWithinIdleAsync(reader, cancellationToken).ConfigureAwait(false))
                {
                    await FlushAsync().ConfigureAwait(false);
                }
            }
            if (pack.Count > 0)
            {
                await FlushAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await Task.WhenAll(sending).ConfigureAwait(false);
        }
    }

    private async Task<bool> MoreWithinIdleAsync<T>(ChannelReader<T> reader, CancellationToken cancellationToken)
    {
        using var idleCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var more = reader.WaitToReadAsync(idleCts.Token).AsTask();
        var quiet = Task.Delay(_transport.Options.BatchCommitIdle, _transport.Time, idleCts.Token);
        var first = await Task.WhenAny(more, quiet).ConfigureAwait(false);
        await idleCts.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return first == more && more.IsCompletedSuccessfully && more.Result;
    }

    private async Task SendPackAsync(List<PackedFile> pack, ChannelWriter<StagedUpload> staged, IReadOnlyList<BatchUploadItem> items,
        BatchUploadResult?[] results, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> sessions;
        IReadOnlyList<AppendBatchEntryResult> answers;
        try
        {
            sessions = await UploadSessionStartBatchAsync(pack.Count, cancellationToken).ConfigureAwait(false);
            answers = await UploadSessionAppendBatchAsync(
                pack.Select((file, i) => new AppendBatchEntry(sessions[i], 0, file.Bytes, Close: true)).ToList(), cancellationToken).ConfigureAwait(false);
        }
        catch (DropboxApiException e)
        {
            foreach (var file in pack)
            {
                results[file.Index] = Failed(items[file.Index].Path, e);
            }
            return;
        }
        for (var i = 0; i < pack.Count; i++)
        {
            var file = pack[i];
            if (answers[i].Succeeded)
            {
                await staged.WriteAsync(new StagedUpload(file.Index, sessions[i], file.Bytes.Length, DropboxContentHasher.HashHex(file.Bytes)), cancellationToken)
                    .ConfigureAwait(false);
            }
            else
            {
                results[file.Index] = new BatchUploadResult { Path = items[file.Index].Path, ErrorTag = answers[i].ErrorTag ?? DropboxErrorTags.Other };
            }
        }
    }
}
