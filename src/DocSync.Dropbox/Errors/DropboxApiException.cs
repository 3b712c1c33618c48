using System.Net;
using System.Text.Json;

namespace DocSync.Dropbox;

/// <summary>
/// Any failure of a Dropbox call: an error answer (400 text, 401, 403, 409, 422, 429, 5xx) or a
/// network failure (<see cref="StatusCode"/> 0). <see cref="ErrorTag"/> is the path of union tags,
/// e.g. <c>path/not_found</c>; compare it with <see cref="DropboxErrorTags"/> or <see cref="HasTag"/>.
/// </summary>
public class DropboxApiException : Exception
{
    /// <summary>Creates the exception; the client does this, tests may too.</summary>
    public DropboxApiException(
        string route, int statusCode, string errorTag, string summary, string? requestId,
        TimeSpan? retryAfter, bool isTransient, string? userMessage = null, Exception? innerException = null)
        : base(BuildMessage(route, statusCode, errorTag, summary, requestId), innerException)
    {
        Route = route;
        StatusCode = statusCode;
        ErrorTag = errorTag;
        Summary = summary;
        RequestId = requestId;
        RetryAfter = retryAfter;
        IsTransient = isTransient;
        UserMessage = userMessage;
    }

    /// <summary>The route called, e.g. <c>files/upload</c>.</summary>
    public string Route { get; }

    /// <summary>HTTP status; 0 when no answer arrived (network failure or timeout).</summary>
    public int StatusCode { get; }

    /// <summary>The tag path, e.g. <c>path/conflict/file</c>; empty when the answer carried none (400 text, 5xx).</summary>
    public string ErrorTag { get; }

    /// <summary>Dropbox's <c>error_summary</c>, or the text body; for people, never parsed.</summary>
    public string Summary { get; }

    /// <summary>The <c>X-Dropbox-Request-Id</c> of the answer, for support.</summary>
    public string? RequestId { get; }

    /// <summary>How long the server asked to wait (429 body or <c>Retry-After</c> header).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True when trying again later may succeed (rate limits, 5xx, network, internal errors).</summary>
    public bool IsTransient { get; }

    /// <summary>Dropbox's <c>user_message.text</c>, when sent.</summary>
    public string? UserMessage { get; }

    /// <summary>The raw error union, for the client's own recovery (e.g. <c>correct_offset</c>).</summary>
    internal JsonElement? ErrorJson { get; init; }

    /// <summary>
    /// True when <see cref="ErrorTag"/> is <paramref name="tagPath"/> or starts with it followed by '/'
    /// (so <c>HasTag("path")</c> matches <c>path/not_found</c>).
    /// </summary>
    public bool HasTag(string tagPath) =>
        ErrorTag == tagPath || ErrorTag.StartsWith(tagPath + "/", StringComparison.Ordinal);

    /// <summary>True when any segment of <see cref="ErrorTag"/> is <paramref name="tag"/>.</summary>
    public bool ContainsTag(string tag) => ErrorTag.Split('/').Contains(tag, StringComparer.Ordinal);

    /// <summary>True for <c>409 …/not_found</c>.</summary>
    public bool IsNotFound => StatusCode == (int)HttpStatusCode.Conflict && ContainsTag(DropboxErrorTags.NotFound);

    private static string BuildMessage(string route, int status, string tag, string summary, string? requestId)
    {
        var what = status == 0 ? "network failure" : $"HTTP {status}";
        var detail = tag.Length > 0 ? tag : summary;
        return $"Dropbox call {route} failed ({what}): {detail}" + (requestId is null ? "" : $" (request id {requestId})");
    }
}
