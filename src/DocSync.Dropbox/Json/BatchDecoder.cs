using System.Text.Json;

namespace DocSync.Dropbox.Json;

/// <summary>Decodes the batch job answers (<c>complete</c>, <c>async_job_id</c>, <c>in_progress</c>, <c>failed</c>).</summary>
internal static class BatchDecoder
{
    public static BatchJobResult Decode(byte[] utf8, string route)
    {
        using var document = JsonDocument.Parse(utf8);
        var root = document.RootElement;
        var status = DropboxJson.TagOf(root) ?? DropboxErrorTags.Other;
        return status switch
        {
            "complete" => new BatchJobResult { Status = status, Entries = Entries(root, route) },
            "async_job_id" => new BatchJobResult { Status = status, AsyncJobId = root.GetProperty("async_job_id").GetString() },
            "failed" => new BatchJobResult { Status = status, FailureTag = root.TryGetProperty("failed", out var f) ? DropboxJson.TagPath(f) : null },
            _ => new BatchJobResult { Status = status },
        };
    }

    public static IReadOnlyList<BatchEntryResult> Entries(JsonElement root, string route)
    {
        if (!root.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return [];
        }
        var results = new List<BatchEntryResult>(entries.GetArrayLength());
        foreach (var entry in entries.EnumerateArray())
        {
            results.Add(Entry(entry, route));
        }
        return results;
    }

    public static BatchEntryResult Entry(JsonElement entry, string route)
    {
        var tag = DropboxJson.TagOf(entry);
        if (tag == "success")
        {
            // Success values come nested (metadata / success) or inlined beside the tag.
            var value = entry.TryGetProperty("metadata", out var m) ? m : entry.TryGetProperty("success", out var s) ? s : entry;
            return new BatchEntryResult { Metadata = MetadataDecoder.Decode(value, route) };
        }
        var failure = entry.TryGetProperty("failure", out var f) ? DropboxJson.TagPath(f) : tag ?? DropboxErrorTags.Other;
        return new BatchEntryResult { ErrorTag = failure.Length == 0 ? DropboxErrorTags.Other : failure };
    }
}
