namespace DocSync.Dropbox;

/// <summary>A fixed access token (a long-lived token, or a test's). It cannot be renewed.</summary>
public sealed class StaticTokenProvider(string accessToken) : IDropboxTokenProvider
{
    private readonly string _accessToken = string.IsNullOrWhiteSpace(accessToken)
        ? throw new ArgumentException("An access token is required.", nameof(accessToken))
        : accessToken;

    /// <inheritdoc />
    public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_accessToken);

    /// <inheritdoc />
    public ValueTask<string?> RefreshAsync(string rejectedToken, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}
