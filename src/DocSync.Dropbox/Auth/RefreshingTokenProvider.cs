using DocSync.Dropbox.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DocSync.Dropbox;

/// <summary>
/// Short-lived access tokens renewed from a refresh token: before a call when the token is within
/// a margin (default 5 minutes) of expiry, and when Dropbox answers
/// <c>expired_access_token</c>. Renewals are single-flight: however many calls notice at once,
/// one request goes to the token endpoint.
/// </summary>
public sealed class RefreshingTokenProvider : IDropboxTokenProvider, IDisposable
{
    private readonly DropboxOAuth _oauth;
    private readonly string _refreshToken;
    private readonly TimeProvider _time;
    private readonly TimeSpan _margin;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile OAuthTokens? _current;

    /// <summary>Creates the provider; <paramref name="initial"/> avoids a renewal on the first call.</summary>
    public RefreshingTokenProvider(DropboxOAuth oauth, string refreshToken, OAuthTokens? initial = null,
        TimeProvider? timeProvider = null, TimeSpan? refreshMargin = null, ILogger<RefreshingTokenProvider>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(oauth);
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);
        _oauth = oauth;
        _refreshToken = refreshToken;
        _current = initial;
        _time = timeProvider ?? TimeProvider.System;
        _margin = refreshMargin ?? TimeSpan.FromMinutes(5);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Raised after each renewal with the new tokens (e.g. to persist them, encrypted).</summary>
    public event Action<OAuthTokens>? Refreshed;

    /// <inheritdoc />
    public async ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && IsFresh(current))
        {
            return current.AccessToken;
        }
        return await RenewAsync(current?.AccessToken, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<string?> RefreshAsync(string rejectedToken, CancellationToken cancellationToken) =>
        await RenewAsync(rejectedToken, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private bool IsFresh(OAuthTokens tokens) =>
        tokens.ExpiresAt is not { } expires || _time.GetUtcNow() < expires - _margin;

    private async Task<string> RenewAsync(string? stale, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Whoever held the gate before us may have renewed already: then the stale token is gone.
            var current = _current;
            if (current is not null && current.AccessToken != stale && IsFresh(current))
            {
                return current.AccessToken;
            }
            var renewed = await _oauth.RefreshAsync(_refreshToken, cancellationToken).ConfigureAwait(false);
            _current = renewed;
            Log.AccessTokenRenewed(_logger, renewed.ExpiresAt);
            Refreshed?.Invoke(renewed);
            return renewed.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }
}
