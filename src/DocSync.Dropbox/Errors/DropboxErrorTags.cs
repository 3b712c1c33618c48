namespace DocSync.Dropbox;

/// <summary>Error tags Dropbox answers with, for comparing against <see cref="DropboxApiException.ErrorTag"/>.</summary>
public static class DropboxErrorTags
{
    /// <summary>Transport-level: no answer arrived.</summary>
    public const string NetworkError = "network_error";

    /// <summary>Transport-level: an answer that was not the expected shape (a 5xx text, a 400 text).</summary>
    public const string None = "";

#pragma warning disable CS1591 // The tags are Dropbox's own names; each is its documentation.
    // AuthError (401)
    public const string InvalidAccessToken = "invalid_access_token";
    public const string ExpiredAccessToken = "expired_access_token";
    public const string InvalidSelectUser = "invalid_select_user";
    public const string InvalidSelectAdmin = "invalid_select_admin";
    public const string UserSuspended = "user_suspended";
    public const string MissingScope = "missing_scope";
    public const string RouteAccessDenied = "route_access_denied";

    // OAuth token endpoint
    public const string InvalidGrant = "invalid_grant";
    public const string InvalidClient = "invalid_client";

    // RateLimitReason (429)
    public const string TooManyRequests = "too_many_requests";
    public const string TooManyWriteOperations = "too_many_write_operations";

    // Path-Root (422)
    public const string InvalidRoot = "invalid_root";
    public const string NoPermission = "no_permission";

    // Common union members
    public const string Path = "path";
    public const string PathLookup = "path_lookup";
    public const string PathWrite = "path_write";
    public const string FromLookup = "from_lookup";
    public const string To = "to";
    public const string Reset = "reset";
    public const string InternalError = "internal_error";
    public const string Other = "other";

    // LookupError
    public const string MalformedPath = "malformed_path";
    public const string NotFound = "not_found";
    public const string NotFile = "not_file";
    public const string NotFolder = "not_folder";
    public const string RestrictedContent = "restricted_content";

    // WriteError
    public const string Conflict = "conflict";
    public const string NoWritePermission = "no_write_permission";
    public const string InsufficientSpace = "insufficient_space";
    public const string DisallowedName = "disallowed_name";

    // Upload sessions
    public const string LookupFailed = "lookup_failed";
    public const string IncorrectOffset = "incorrect_offset";
    public const string Closed = "closed";
    public const string NotClosed = "not_closed";
    public const string ContentHashMismatch = "content_hash_mismatch";
    public const string PayloadTooLarge = "payload_too_large";

    // Sharing
    public const string SharedLinkAlreadyExists = "shared_link_already_exists";
    public const string SharedLinkNotFound = "shared_link_not_found";

    // Revisions and jobs
    public const string InvalidRevision = "invalid_revision";
    public const string InvalidAsyncJobId = "invalid_async_job_id";
#pragma warning restore CS1591
}
