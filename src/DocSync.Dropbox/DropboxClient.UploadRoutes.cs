using System.Text.Json;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Http;
using DocSync.Dropbox.Json;

namespace DocSync.Dropbox;

public sealed partial class DropboxClient
{
    private sealed record SessionStartResult(string SessionId);

    private sealed record SessionIdsResult(IReadOnlyList<string> SessionIds);

    /// <summary>
    /// <c>files/upload</c>: one request of at most 150 MiB, with its <c>content_hash</c>. Prefer
    /// <see cref="UploadAsync(string, Stream, CommitOptions?, CancellationToken)"/>, which also
    /// recognises its own write landing behind a lost answer.
    /// </summary>
    public Task<FileMetadata> UploadBytesAsync(string path, ReadOnlyMemory<byte> content, CommitOptions? commit = null, CancellationToken cancellationToken = default)
    {
        RequirePath(path);
        return UploadSingleAsync(path, content, DropboxContentHasher.HashHex(content.Span), commit ?? CommitOptions.Default, cancellationToken);
    }

    /// <summary><c>files/upload_session/start</c>: opens a session with its first bytes (may be empty).</summary>
    public async Task<string> UploadSessionStartAsync(ReadOnlyMemory<byte> data, bool close = false, CancellationToken cancellationToken = default)
    {
        var arg = new JsonObject { ["close"] = close, ["content_hash"] = DropboxContentHasher.HashHex(data.Span) };
        var result = await _transport.UploadAsync<SessionStartResult>("files/upload_session/start", arg, data, cancellationToken).ConfigureAwait(false);
        return result.SessionId;
    }

    /// <summary><c>files/upload_session/start_batch</c>: opens <paramref name="count"/> empty sessions at once.</summary>
    public async Task<IReadOnlyList<string>> UploadSessionStartBatchAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 1000);
        var result = await _transport.RpcAsync<SessionIdsResult>("files/upload_session/start_batch", new JsonObject { ["num_sessions"] = count }, cancellationToken)
            .ConfigureAwait(false);
        return result.SessionIds;
    }

    /// <summary>
    /// <c>files/upload_session/append_v2</c> at <paramref name="offset"/>. An <c>incorrect_offset</c>
    /// answer is recovered from its <c>correct_offset</c> when the bytes at that offset are in
    /// <paramref name="data"/>; the session's new length is returned.
    /// </summary>
    public async Task<long> UploadSessionAppendAsync(string sessionId, long offset, ReadOnlyMemory<byte> data, bool close = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var sent = 0;
        for (var corrections = 0; ; corrections++)
        {
            var part = data[sent..];
            var arg = new JsonObject
            {
                ["cursor"] = new JsonObject { ["session_id"] = sessionId, ["offset"] = offset + sent },
                ["close"] = close,
                ["content_hash"] = DropboxContentHasher.HashHex(part.Span),
            };
            var trace = new CallTrace();
            try
            {
                await _transport.UploadAsync<JsonElement>("files/upload_session/append_v2", arg, part, cancellationToken, trace).ConfigureAwait(false);
                return offset + data.Length;
            }
            catch (DropboxApiException e) when (close && trace.MayHaveApplied && e.StatusCode == 409 && e.ContainsTag(DropboxErrorTags.Closed))
            {
                // The closing append landed behind a lost answer; the commit checks the length anyway.
                return offset + data.Length;
            }
            catch (DropboxApiException e) when (corrections < 3 && CorrectOffset(e) is { } correct && correct >= offset && correct <= offset + data.Length)
            {
                Logging.Log.OffsetCorrected(_transport.Logger, offset + sent, correct);
                if (correct == offset + data.Length && !close)
                {
                    // The server has every byte already: an earlier attempt landed behind a lost answer.
                    return correct;
                }
                sent = (int)(correct - offset);
            }
        }
    }

    /// <summary>
    /// <c>files/upload_session/finish</c>: appends the last bytes (may be empty) and commits the file.
    /// </summary>
    public Task<FileMetadata> UploadSessionFinishAsync(string sessionId, long offset, ReadOnlyMemory<byte> data, string path,
        CommitOptions? commit = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        RequirePath(path);
        return FinishSessionAsync(sessionId, offset, data, path, commit ?? CommitOptions.Default, null, cancellationToken);
    }

    /// <summary>
    /// <c>files/upload_session/finish_batch_v2</c>: commits up to 1000 closed sessions in one go;
    /// one result per entry, in order. Commits into one namespace are serialised by this client.
    /// </summary>
    public async Task<IReadOnlyList<BatchEntryResult>> UploadSessionFinishBatchAsync(IReadOnlyList<UploadSessionCommit> entries,
        CancellationToken cancellationToken = default)
    {
        var (results, _) = await FinishBatchCoreAsync(entries, cancellationToken).ConfigureAwait(false);
        return results;
    }

    /// <summary>
    /// <c>files/upload_session/finish_batch</c> (deprecated v1): answers <c>complete</c> or an
    /// <c>async_job_id</c> to poll with <see cref="CheckUploadSessionFinishBatchAsync"/>.
    /// </summary>
    public async Task<BatchJobResult> UploadSessionFinishBatchV1Async(IReadOnlyList<UploadSessionCommit> entries, CancellationToken cancellationToken = default)
    {
        var arg = FinishBatchArg(entries);
        await CommitGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var bytes = await _transport.RpcRawAsync("files/upload_session/finish_batch", arg, cancellationToken).ConfigureAwait(false);
            return BatchDecoder.Decode(bytes, "files/upload_session/finish_batch");
        }
        finally
        {
            CommitGate.Release();
        }
    }

    /// <summary><c>files/upload_session/finish_batch/check</c>.</summary>
    public Task<BatchJobResult> CheckUploadSessionFinishBatchAsync(string asyncJobId, CancellationToken cancellationToken = default) =>
        CheckJobAsync("files/upload_session/finish_batch/check", asyncJobId, cancellationToken);

    private async Task<(IReadOnlyList<BatchEntryResult> Results, CallTrace Trace)> FinishBatchCoreAsync(IReadOnlyList<UploadSessionCommit> entries,
        CancellationToken cancellationToken)
    {
        var arg = FinishBatchArg(entries);
        var trace = new CallTrace();
        await CommitGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var bytes = await _transport.RpcRawAsync("files/upload_session/finish_batch_v2", arg, cancellationToken, trace: trace).ConfigureAwait(false);
            using var document = JsonDocument.Parse(bytes);
            var results = BatchDecoder.Entries(document.RootElement, "files/upload_session/finish_batch_v2");
            if (results.Count != entries.Count)
            {
                throw new DropboxApiException("files/upload_session/finish_batch_v2", 200, DropboxErrorTags.None,
                    $"finish_batch_v2 answered {results.Count} entries for {entries.Count}.", null, null, isTransient: false);
            }
            Logging.Log.BatchCommitted(_transport.Logger, entries.Count);
            return (results, trace);
        }
        finally
        {
            CommitGate.Release();
        }
    }

    private static JsonObject FinishBatchArg(IReadOnlyList<UploadSessionCommit> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count is 0 or > 1000)
        {
            throw new ArgumentException("finish_batch takes 1 to 1000 entries.", nameof(entries));
        }
        var list = new JsonArray();
        foreach (var entry in entries)
        {
            RequirePath(entry.Path);
            list.Add(new JsonObject
            {
                ["cursor"] = new JsonObject { ["session_id"] = entry.SessionId, ["offset"] = entry.Offset },
                ["commit"] = (entry.Commit ?? CommitOptions.Default).ToJson(entry.Path),
            });
        }
        return new JsonObject { ["entries"] = list };
    }

    private static long? CorrectOffset(DropboxApiException e) =>
        e.StatusCode == 409 && e.ContainsTag(DropboxErrorTags.IncorrectOffset) && e.ErrorJson is { } error
            ? DropboxJson.FindLong(error, "correct_offset")
            : null;
}
