namespace DocSync.Web.Errors;

/// <summary>
/// A request body that cannot be read as sent (cut off, malformed, more parts than allowed): HTTP 400
/// naming <see cref="Field"/> with <see cref="Code"/>. Thrown before anything is stored.
/// </summary>
internal sealed class MalformedRequestException(string code, string field, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The problem's code, e.g. <c>malformed-multipart</c> or <c>too-many-parts</c>.</summary>
    public string Code { get; } = code;

    /// <summary>What could not be read, e.g. <c>body</c>.</summary>
    public string Field { get; } = field;
}
