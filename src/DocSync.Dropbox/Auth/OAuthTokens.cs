namespace DocSync.Dropbox;

/// <summary>What the OAuth token endpoint answers. <see cref="ToString"/> never shows the tokens.</summary>
public sealed record OAuthTokens
{
    /// <summary>The short-lived access token (<c>sl.…</c>).</summary>
    public string AccessToken { get; init; } = "";

    /// <summary>The refresh token: from the code exchange with offline access only.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>When the access token expires; null for tokens that do not.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Granted scopes, space-separated.</summary>
    public string? Scope { get; init; }

    /// <summary>The account linked, for user links.</summary>
    public string? AccountId { get; init; }

    /// <summary>The team linked, for team links.</summary>
    public string? TeamId { get; init; }

    /// <summary>Dropbox's legacy user id.</summary>
    public string? Uid { get; init; }

    /// <summary>Describes the grant without its secrets.</summary>
    public override string ToString() =>
        $"OAuthTokens {{ AccountId = {AccountId}, TeamId = {TeamId}, ExpiresAt = {ExpiresAt:O}, Scope = {Scope}, HasRefreshToken = {RefreshToken is not null} }}";
}
