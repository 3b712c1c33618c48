using System.Text.Json.Nodes;
using DocSync.Dropbox.Http;
using DocSync.Dropbox.Logging;
using DocSync.Dropbox.Uploads;

namespace DocSync.Dropbox;

public sealed partial class DropboxClient
{
    /// <summary>
    /// Uploads a stream to <paramref name="path"/>, read once and never held whole: up to
    /// <see cref="DropboxClientOptions.SingleUploadThreshold"/> in one <c>files/upload</c>, larger in an
    /// upload session of <see cref="DropboxClientOptions.UploadChunkSize"/> chunks. Every request carries
    /// the content hash of its bytes; a retry re-sends the whole chunk from the buffer it came from.
    /// When a retry finds that its own earlier attempt had landed (lost answer), the result is that write,
    /// never a duplicate.
    /// </summary>
    public async Task<FileMetadata> UploadAsync(string path, Stream content, CommitOptions? commit = null, CancellationToken cancellationToken = default)
    {
        RequirePath(path);
        ArgumentNullException.ThrowIfNull(content);
        commit ??= CommitOptions.Default;
        var options = _transport.Options;
        using var whole = new DropboxContentHasher();
        var buffer = new byte[ChunkLength(content, options.UploadChunkSize)];
        var filled = await ChunkReader.FillAsync(content, buffer, cancellationToken).ConfigureAwait(false);
        whole.Append(buffer.AsSpan(0, filled));
        var ended = filled < buffer.Length;
        if (ended && filled <= options.SingleUploadThreshold)
        {
            return await UploadSingleAsync(path, buffer.AsMemory(0, filled), whole.GetHashHexAndReset(), commit, cancellationToken).ConfigureAwait(false);
        }

        var sessionId = await UploadSessionStartAsync(buffer.AsMemory(0, filled), close: false, cancellationToken).ConfigureAwait(false);
        long offset = filled;
        var last = ReadOnlyMemory<byte>.Empty;
        if (!ended && buffer.Length < options.UploadChunkSize)
        {
            // The stream was longer than it said: continue with full chunks.
            buffer = new byte[options.UploadChunkSize];
        }
        while (!ended)
        {
            filled = await ChunkReader.FillAsync(content, buffer, cancellationToken).ConfigureAwait(false);
            whole.Append(buffer.AsSpan(0, filled));
            if (filled < buffer.Length)
            {
                // The last piece (possibly empty) travels with finish.
                last = buffer.AsMemory(0, filled);
                break;
            }
            offset = await UploadSessionAppendAsync(sessionId, offset, buffer.AsMemory(0, filled), false, cancellationToken).ConfigureAwait(false);
        }
        return await FinishSessionAsync(sessionId, offset, last, path, commit, whole.GetHashHexAndReset(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Uploads bytes already in memory (see <see cref="UploadAsync(string, Stream, CommitOptions?, CancellationToken)"/>).</summary>
    public async Task<FileMetadata> UploadAsync(string path, ReadOnlyMemory<byte> content, CommitOptions? commit = null, CancellationToken cancellationToken = default)
    {
        RequirePath(path);
        if (content.Length <= _transport.Options.SingleUploadThreshold)
        {
            return await UploadSingleAsync(path, content, DropboxContentHasher.HashHex(content.Span), commit ?? CommitOptions.Default, cancellationToken)
                .ConfigureAwait(false);
        }
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        return await UploadAsync(path, stream, commit, cancellationToken).ConfigureAwait(false);
    }

    private async Task<FileMetadata> UploadSingleAsync(string path, ReadOnlyMemory<byte> content, string hash, CommitOptions commit,
        CancellationToken cancellationToken)
    {
        var arg = commit.ToJson(path);
        arg["content_hash"] = hash;
        var trace = new CallTrace();
        try
        {
            return await _transport.UploadAsync<FileMetadata>("files/upload", arg, content, cancellationToken, trace).ConfigureAwait(false);
        }
        catch (DropboxApiException e) when (trace.MayHaveApplied && e.StatusCode == 409 && e.HasTag("path/" + DropboxErrorTags.Conflict))
        {
            return await ConfirmLandedAsync(path, hash, commit, e, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<FileMetadata> FinishSessionAsync(string sessionId, long offset, ReadOnlyMemory<byte> data, string path, CommitOptions commit,
        string? wholeHash, CancellationToken cancellationToken)
    {
        var sent = 0;
        for (var corrections = 0; ; corrections++)
        {
            var part = data[sent..];
            var arg = new JsonObject
            {
                ["cursor"] = new JsonObject { ["session_id"] = sessionId, ["offset"] = offset + sent },
                ["commit"] = commit.ToJson(path),
                ["content_hash"] = DropboxContentHasher.HashHex(part.Span),
            };
            var trace = new CallTrace();
            try
            {
                return await _transport.UploadAsync<FileMetadata>("files/upload_session/finish", arg, part, cancellationToken, trace).ConfigureAwait(false);
            }
            catch (DropboxApiException e) when (corrections < 3 && CorrectOffset(e) is { } correct && correct >= offset && correct <= offset + data.Length)
            {
                Log.OffsetCorrected(_transport.Logger, offset + sent, correct);
                sent = (int)(correct - offset);
            }
            catch (DropboxApiException e) when (wholeHash is not null && trace.MayHaveApplied && e.StatusCode == 409
                && (e.HasTag(DropboxErrorTags.LookupFailed + "/" + DropboxErrorTags.NotFound) || e.HasTag("path/" + DropboxErrorTags.Conflict)))
            {
                // The session is gone (committed) or the commit conflicts with itself: see whether our bytes are there.
                return await ConfirmLandedAsync(path, wholeHash, commit, e, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// After a retry answered a conflict or a vanished session, our first attempt may have landed:
    /// if the file at <paramref name="path"/> now holds exactly our bytes (and, for <c>update</c>,
    /// is no longer the revision we replaced), that is our write. Otherwise the original error stands.
    /// </summary>
    private async Task<FileMetadata> ConfirmLandedAsync(string path, string hash, CommitOptions commit, DropboxApiException original,
        CancellationToken cancellationToken)
    {
        var current = await TryGetMetadataAsync(path, cancellationToken).ConfigureAwait(false);
        if (current is FileMetadata file && file.ContentHash == hash && (commit.Mode.Rev is null || commit.Mode.Rev != file.Rev))
        {
            Log.WriteConfirmed(_transport.Logger, path, original.ErrorTag);
            return file;
        }
        throw original;
    }

    private static int ChunkLength(Stream content, int chunkSize)
    {
        if (content.CanSeek)
        {
            // A known length avoids a full-chunk buffer for small files.
            var remaining = Math.Max(0, content.Length - content.Position);
            return (int)Math.Min(chunkSize, remaining + 1);
        }
        return chunkSize;
    }
}
