namespace DocSync.Dropbox.Emulator.Model;

/// <summary>A Dropbox user account.</summary>
public sealed class Account
{
    public required string AccountId { get; init; }

    public required string Email { get; set; }

    public required string GivenName { get; set; }

    public required string Surname { get; set; }

    public string DisplayName => $"{GivenName} {Surname}";

    public string Country { get; set; } = "BE";

    public string Locale { get; set; } = "en";

    /// <summary>basic, pro or business.</summary>
    public string AccountType { get; set; } = "basic";

    /// <summary>Numeric namespace id of the account's home.</summary>
    public required string HomeNamespaceId { get; init; }

    public string? TeamId { get; init; }

    public string? TeamMemberId { get; init; }

    public bool IsTeamAdmin { get; init; }

    /// <summary>Storage quota for a personal account, in bytes.</summary>
    public long QuotaBytes { get; set; } = PaidQuotaBytes;

    /// <summary>Dropbox Basic: 2 GB, reported by users/get_space_usage as 2 GiB.</summary>
    public const long BasicQuotaBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>Dropbox Plus / Professional ("pro"): 2 TB, reported as 2 TiB.</summary>
    public const long PaidQuotaBytes = 2L * 1024 * 1024 * 1024 * 1024;

    public bool Disabled { get; set; }
}

/// <summary>A Dropbox team: a shared root namespace that holds every member's home folder.</summary>
public sealed class Team
{
    public required string TeamId { get; init; }

    public required string Name { get; init; }

    public required string RootNamespaceId { get; init; }

    public List<string> MemberAccountIds { get; } = [];

    public long QuotaBytes { get; set; } = 5L * 1024 * 1024 * 1024 * 1024;
}

/// <summary>A registered Dropbox app (the App Console's view of it).</summary>
public sealed class AppRegistration
{
    public required string Key { get; init; }

    public required string Secret { get; set; }

    public required string Name { get; init; }

    /// <summary>True for an "App folder" app, whose paths are rooted at /Apps/&lt;name&gt;.</summary>
    public bool AppFolder { get; init; }

    public List<string> RedirectUris { get; } = [];

    public string? WebhookUri { get; set; }

    public bool WebhookVerified { get; set; }
}

/// <summary>An access token and what it may do.</summary>
public sealed class AccessToken
{
    public required string Token { get; init; }

    public required string AppKey { get; init; }

    /// <summary>The linked account, for user tokens.</summary>
    public string? AccountId { get; init; }

    /// <summary>The linked team, for team tokens.</summary>
    public string? TeamId { get; init; }

    public required IReadOnlySet<string> Scopes { get; init; }

    /// <summary>Null for a long-lived token.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>The refresh token this access token was issued from, if any.</summary>
    public string? RefreshToken { get; init; }

    public bool Revoked { get; set; }
}

/// <summary>A refresh token (offline access).</summary>
public sealed class RefreshGrant
{
    public required string Token { get; init; }

    public required string AppKey { get; init; }

    public string? AccountId { get; init; }

    public string? TeamId { get; init; }

    public required IReadOnlySet<string> Scopes { get; init; }

    /// <summary>True when the code exchange used PKCE: refreshes need no secret.</summary>
    public bool Pkce { get; init; }

    public bool Revoked { get; set; }
}

/// <summary>An authorization code handed out by the consent page.</summary>
public sealed class AuthorizationCode
{
    public required string Code { get; init; }

    public required string AppKey { get; init; }

    public string? AccountId { get; init; }

    public string? TeamId { get; init; }

    public string? RedirectUri { get; init; }

    public string? CodeChallenge { get; init; }

    public string? CodeChallengeMethod { get; init; }

    public required string TokenAccessType { get; init; }

    public required IReadOnlySet<string> Scopes { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public bool Used { get; set; }
}
