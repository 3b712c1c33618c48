namespace DocSync.Dropbox;

/// <summary>
/// Hands the client an access token before each call, and a fresh one when Dropbox answers
/// <c>expired_access_token</c>. Implementations must be safe for concurrent use.
/// </summary>
public interface IDropboxTokenProvider
{
    /// <summary>A token believed valid now (renewed first when it is about to expire).</summary>
    ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Called when Dropbox refused <paramref name="rejectedToken"/> as expired: returns a newer token
    /// (renewing at most once however many callers report the same rejected token), or null when
    /// this provider cannot renew.
    /// </summary>
    ValueTask<string?> RefreshAsync(string rejectedToken, CancellationToken cancellationToken);
}
