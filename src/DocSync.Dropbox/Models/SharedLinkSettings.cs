namespace DocSync.Dropbox;

/// <summary>Settings of a new shared link; null members are left to Dropbox.</summary>
public sealed record SharedLinkSettings
{
    /// <summary><c>public</c>, <c>team</c>, <c>no_one</c>. Default null.</summary>
    public string? Audience { get; init; }

    /// <summary><c>viewer</c>, <c>editor</c>, <c>max</c>, <c>default</c>. Default null.</summary>
    public string? Access { get; init; }

    /// <summary>A password; sets <c>require_password</c>. Never logged. Default null.</summary>
    public string? Password { get; init; }

    /// <summary>Expiry. Default null (never).</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>Allow downloads. Default null (Dropbox's default, true).</summary>
    public bool? AllowDownload { get; init; }
}
