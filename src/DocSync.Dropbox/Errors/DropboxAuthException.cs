namespace DocSync.Dropbox;

/// <summary>
/// A 401 (or an OAuth token endpoint refusal): the token is invalid, expired beyond refresh,
/// revoked, lacks a scope, or the app credentials are wrong. The connection needs re-linking;
/// retrying will not help.
/// </summary>
public sealed class DropboxAuthException(
    string route, int statusCode, string errorTag, string summary, string? requestId, Exception? innerException = null)
    : DropboxApiException(route, statusCode, errorTag, summary, requestId, null, isTransient: false, innerException: innerException)
{
    /// <summary>For <c>missing_scope</c>: the scope the route needs.</summary>
    public string? RequiredScope { get; init; }
}
