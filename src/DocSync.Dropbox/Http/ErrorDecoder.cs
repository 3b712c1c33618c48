using System.Text;
using System.Text.Json;

namespace DocSync.Dropbox.Http;

/// <summary>Turns a non-success answer into a <see cref="DropboxApiException"/> (or its auth subtype).</summary>
internal static class ErrorDecoder
{
    private const int MaxErrorBody = 64 * 1024;

    public static async Task<DropboxApiException> DecodeAsync(string route, HttpResponseMessage response, TimeSpan plainRateLimitDelay, TimeProvider time, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var requestId = RequestId(response);
        var headerRetry = RetryAfterHeader(response, time);
        var text = await ReadLimitedAsync(response, cancellationToken).ConfigureAwait(false);

        JsonElement? error = null;
        string? summary = null;
        string? userMessage = null;
        try
        {
            if (text.Length > 0 && text[0] == '{')
            {
                using var json = JsonDocument.Parse(text);
                var root = json.RootElement;
                if (root.TryGetProperty("error", out var e))
                {
                    error = e.Clone();
                }
                summary = root.TryGetProperty("error_summary", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                if (root.TryGetProperty("user_message", out var m) && m.ValueKind == JsonValueKind.Object
                    && m.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                {
                    userMessage = t.GetString();
                }
            }
        }
        catch (JsonException)
        {
            error = null;
        }
        summary ??= text.Length > 1000 ? text[..1000] : text;

        if (status == 429)
        {
            // The body's retry_after wins (as the Python SDK), then the header, then the documented fallback.
            var reason = DropboxErrorTags.TooManyRequests;
            TimeSpan? bodyRetry = null;
            if (error is { ValueKind: JsonValueKind.Object } limited)
            {
                if (limited.TryGetProperty("reason", out var r) && Json.DropboxJson.TagOf(r) is { } tag)
                {
                    reason = tag;
                }
                if (limited.TryGetProperty("retry_after", out var after) && after.ValueKind == JsonValueKind.Number)
                {
                    bodyRetry = TimeSpan.FromSeconds(after.GetDouble());
                }
            }
            return new DropboxApiException(route, status, reason, summary, requestId, bodyRetry ?? headerRetry ?? plainRateLimitDelay, isTransient: true, userMessage)
            {
                ErrorJson = error,
            };
        }

        var tagPath = error is { } union ? Json.DropboxJson.TagPath(union) : DropboxErrorTags.None;
        if (status == 401)
        {
            return new DropboxAuthException(route, status, tagPath, summary, requestId)
            {
                RequiredScope = error is { ValueKind: JsonValueKind.Object } auth && auth.TryGetProperty("required_scope", out var scope)
                    && scope.ValueKind == JsonValueKind.String ? scope.GetString() : null,
                ErrorJson = error,
            };
        }
        return new DropboxApiException(route, status, tagPath, summary, requestId, headerRetry,
            RetryClassifier.IsTransient(status, tagPath), userMessage)
        {
            ErrorJson = error,
        };
    }

    public static string? RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Dropbox-Request-Id", out var values) ? values.FirstOrDefault() : null;

    public static TimeSpan? RetryAfterHeader(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    private static async Task<string> ReadLimitedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[MaxErrorBody];
            var filled = 0;
            int read;
            while (filled < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += read;
            }
            return Encoding.UTF8.GetString(buffer, 0, filled);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // The error answer itself was cut off; its status still tells what happened.
            return "";
        }
    }
}
