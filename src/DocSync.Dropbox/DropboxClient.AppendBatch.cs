using System.Text.Json;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Http;

namespace DocSync.Dropbox;

public sealed partial class DropboxClient
{
    /// <summary>
    /// <c>files/upload_session/append_batch</c>: sends pieces for up to 1000 sessions in one request
    /// (the body is the pieces back to back, at most 150 MiB, with one <c>content_hash</c> over all).
    /// One result per entry, in order. When the answer to an earlier attempt was lost, a piece the
    /// server already holds (<c>closed</c>, or <c>incorrect_offset</c> at exactly its end) counts as sent.
    /// </summary>
    public async Task<IReadOnlyList<AppendBatchEntryResult>> UploadSessionAppendBatchAsync(IReadOnlyList<AppendBatchEntry> entries,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfZero(entries.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(entries.Count, 1000);
        var total = entries.Sum(e => (long)e.Data.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(total, DropboxClientOptions.MaxRequestBytes);
        var body = new byte[total];
        var position = 0;
        var list = new JsonArray();
        foreach (var entry in entries)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(entry.SessionId);
            entry.Data.Span.CopyTo(body.AsSpan(position));
            position += entry.Data.Length;
            list.Add(new JsonObject
            {
                ["cursor"] = new JsonObject { ["session_id"] = entry.SessionId, ["offset"] = entry.Offset },
                ["length"] = entry.Data.Length,
                ["close"] = entry.Close,
            });
        }
        var arg = new JsonObject { ["entries"] = list, ["content_hash"] = DropboxContentHasher.HashHex(body) };
        var trace = new CallTrace();
        var answer = await _transport.UploadAsync<JsonElement>("files/upload_session/append_batch", arg, body, cancellationToken, trace)
            .ConfigureAwait(false);
        var results = new List<AppendBatchEntryResult>(entries.Count);
        var index = 0;
        foreach (var item in answer.GetProperty("entries").EnumerateArray())
        {
            var entry = entries[index++];
            results.Add(DecodeAppendEntry(item, entry, trace.MayHaveApplied));
        }
        if (results.Count != entries.Count)
        {
            throw new InvalidDataException($"files/upload_session/append_batch answered {results.Count} entries for {entries.Count}.");
        }
        return results;
    }

    private static AppendBatchEntryResult DecodeAppendEntry(JsonElement item, AppendBatchEntry entry, bool mayHaveApplied)
    {
        var tag = item.GetProperty(".tag").GetString();
        if (tag == "success")
        {
            return new AppendBatchEntryResult(true);
        }
        var failure = item.TryGetProperty("failure", out var f) ? f : default;
        var failureTag = failure.ValueKind == JsonValueKind.Object && failure.TryGetProperty(".tag", out var t) ? t.GetString() ?? DropboxErrorTags.Other : DropboxErrorTags.Other;
        long? correct = failure.ValueKind == JsonValueKind.Object && failure.TryGetProperty("correct_offset", out var c) && c.TryGetInt64(out var value) ? value : null;
        var end = entry.Offset + entry.Data.Length;
        // A retried request meets its own first attempt: the piece is already there.
        var landed = mayHaveApplied && ((failureTag == DropboxErrorTags.Closed && entry.Close) || (failureTag == DropboxErrorTags.IncorrectOffset && correct == end));
        return landed ? new AppendBatchEntryResult(true) : new AppendBatchEntryResult(false, failureTag, correct);
    }
}
