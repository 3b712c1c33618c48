namespace DocSync.Dropbox;

/// <summary>
/// Settings of a <see cref="DropboxClient"/>. Every base URI may carry its own scheme and port, so
/// the client can talk to the real Dropbox or to a local emulator; plain <c>http</c> is accepted
/// for loopback hosts only.
/// </summary>
public sealed class DropboxClientOptions
{
    /// <summary>Largest body Dropbox accepts in one request (150 MiB).</summary>
    public const int MaxRequestBytes = 150 * 1024 * 1024;

    /// <summary>RPC host. Default <c>https://api.dropboxapi.com/</c>.</summary>
    public Uri ApiBaseUri { get; set; } = new("https://api.dropboxapi.com/");

    /// <summary>Upload and download host. Default <c>https://content.dropboxapi.com/</c>.</summary>
    public Uri ContentBaseUri { get; set; } = new("https://content.dropboxapi.com/");

    /// <summary>Longpoll host. Default <c>https://notify.dropboxapi.com/</c>.</summary>
    public Uri NotifyBaseUri { get; set; } = new("https://notify.dropboxapi.com/");

    /// <summary>Where <c>/oauth2/token</c> lives. Default <c>https://api.dropboxapi.com/</c>.</summary>
    public Uri OAuthTokenBaseUri { get; set; } = new("https://api.dropboxapi.com/");

    /// <summary>Where the consent page <c>/oauth2/authorize</c> lives. Default <c>https://www.dropbox.com/</c>.</summary>
    public Uri OAuthAuthorizeBaseUri { get; set; } = new("https://www.dropbox.com/");

    /// <summary>The app key (OAuth client id). Default none; needed for OAuth and app-auth routes.</summary>
    public string? AppKey { get; set; }

    /// <summary>The app secret. Default none (PKCE apps have none).</summary>
    public string? AppSecret { get; set; }

    /// <summary>Team member to act as (<c>Dropbox-API-Select-User</c>) with a team token. Default none.</summary>
    public string? SelectUser { get; set; }

    /// <summary>Namespace that paths are relative to (<c>Dropbox-API-Path-Root</c>). Default none (home).</summary>
    public PathRoot? PathRoot { get; set; }

    /// <summary>Most attempts one call makes, the first included. Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First backoff delay when the server names none; doubles per attempt, with jitter. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest backoff delay the client picks itself (a server's Retry-After is always honoured). Default 60 s.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Wait after a plain-text 429 that names no Retry-After. Default 5 s, as the Python SDK.</summary>
    public TimeSpan DefaultRateLimitDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Time one attempt may take before it counts as a network failure. Default 5 minutes.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Files up to this size go up in one <c>files/upload</c> call. Default 8 MiB; at most <see cref="UploadChunkSize"/>.</summary>
    public int SingleUploadThreshold { get; set; } = 8 * 1024 * 1024;

    /// <summary>Bytes per upload-session request. Default 16 MiB; at most 150 MiB. One chunk is held in memory per upload.</summary>
    public int UploadChunkSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>Files the batch uploader sends at once. Default 8.</summary>
    public int BatchUploadParallelism { get; set; } = 8;

    /// <summary>Entries per <c>finish_batch_v2</c> commit. Default 1000, Dropbox's maximum.</summary>
    public int BatchCommitSize { get; set; } = 1000;

    /// <summary>
    /// Seekable files up to this size (and up to <see cref="UploadChunkSize"/>) are packed by the
    /// batch uploader, many to one <c>append_batch</c> request; 0 turns packing off. Default 1 MiB.
    /// </summary>
    public int BatchPackThreshold { get; set; } = 1024 * 1024;

    /// <summary>A partial commit group goes once no new upload has arrived for this long. Default 500 ms (rclone's idle timeout).</summary>
    public TimeSpan BatchCommitIdle { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Checks every setting; throws <see cref="ArgumentException"/> naming the field and the rule.</summary>
    public void Validate()
    {
        CheckUri(ApiBaseUri, nameof(ApiBaseUri));
        CheckUri(ContentBaseUri, nameof(ContentBaseUri));
        CheckUri(NotifyBaseUri, nameof(NotifyBaseUri));
        CheckUri(OAuthTokenBaseUri, nameof(OAuthTokenBaseUri));
        CheckUri(OAuthAuthorizeBaseUri, nameof(OAuthAuthorizeBaseUri));
        Require(MaxAttempts is >= 1 and <= 20, nameof(MaxAttempts), "must be between 1 and 20");
        Require(RetryBaseDelay > TimeSpan.Zero, nameof(RetryBaseDelay), "must be positive");
        Require(RetryMaxDelay >= RetryBaseDelay, nameof(RetryMaxDelay), $"must be at least {nameof(RetryBaseDelay)}");
        Require(DefaultRateLimitDelay >= TimeSpan.Zero, nameof(DefaultRateLimitDelay), "must not be negative");
        Require(AttemptTimeout > TimeSpan.Zero, nameof(AttemptTimeout), "must be positive");
        Require(UploadChunkSize is > 0 and <= MaxRequestBytes, nameof(UploadChunkSize), "must be between 1 byte and 150 MiB");
        Require(SingleUploadThreshold >= 0 && SingleUploadThreshold <= UploadChunkSize, nameof(SingleUploadThreshold),
            $"must be between 0 and {nameof(UploadChunkSize)}");
        Require(BatchUploadParallelism is >= 1 and <= 256, nameof(BatchUploadParallelism), "must be between 1 and 256");
        Require(BatchCommitSize is >= 1 and <= 1000, nameof(BatchCommitSize), "must be between 1 and 1000");
        Require(BatchCommitIdle >= TimeSpan.Zero, nameof(BatchCommitIdle), "must not be negative");
        Require(BatchPackThreshold >= 0, nameof(BatchPackThreshold), "must not be negative");
    }

    /// <summary>A copy whose later changes do not affect this one.</summary>
    public DropboxClientOptions Clone() => (DropboxClientOptions)MemberwiseClone();

    private static void CheckUri(Uri? uri, string name)
    {
        Require(uri is { IsAbsoluteUri: true }, name, "must be an absolute URI");
        var scheme = uri!.Scheme;
        Require(scheme == Uri.UriSchemeHttps || (scheme == Uri.UriSchemeHttp && uri.IsLoopback), name,
            $"must use https (plain http is allowed for loopback hosts only), got \"{uri}\"");
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"DropboxClientOptions.{name} {rule}.", name);
        }
    }
}
