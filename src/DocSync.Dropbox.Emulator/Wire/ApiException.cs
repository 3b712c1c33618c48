using System.Text.Json.Nodes;

namespace DocSync.Dropbox.Emulator.Wire;

/// <summary>An error answered the way Dropbox answers it; thrown by route handlers, written by the dispatcher.</summary>
public abstract class ApiException(string message) : Exception(message)
{
    /// <summary>HTTP status code.</summary>
    public abstract int StatusCode { get; }
}

/// <summary>400: bad input, answered as plain text.</summary>
public sealed class BadInputException(string message) : ApiException(message)
{
    public override int StatusCode => 400;
}

/// <summary>409 (or another JSON status): a route error union with its summary.</summary>
public sealed class RouteErrorException(JsonObject error, int statusCode = 409)
    : ApiException(DropboxJson.Summary(error))
{
    public JsonObject Error { get; } = error;

    public override int StatusCode { get; } = statusCode;

    /// <summary><c>{".tag":outer, outer:{".tag":inner}}</c>, the common two-level shape.</summary>
    public static RouteErrorException Nested(string outer, JsonObject inner) => new(DropboxJson.Tag(outer, inner));

    public static RouteErrorException Void(string tag) => new(DropboxJson.Tag(tag));
}

/// <summary>401: an <c>AuthError</c> union.</summary>
public sealed class AuthFailureException(string tag, JsonObject? extra = null) : ApiException(tag + "/..")
{
    public string Tag { get; } = tag;

    public JsonObject? Extra { get; } = extra;

    public override int StatusCode => 401;
}

/// <summary>429: rate limited, with both a <c>Retry-After</c> header and <c>retry_after</c> in the body.</summary>
public sealed class RateLimitedException(string reason, int retryAfterSeconds) : ApiException(reason)
{
    public string Reason { get; } = reason;

    public int RetryAfterSeconds { get; } = retryAfterSeconds;

    public override int StatusCode => 429;
}

/// <summary>A 5xx answered as plain text.</summary>
public sealed class ServerFailureException(int statusCode, string message) : ApiException(message)
{
    public override int StatusCode { get; } = statusCode;
}
