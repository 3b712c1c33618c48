using DocSync.Core.Access;

namespace DocSync.Core.ApiKeys;

/// <summary>
/// A host application's key to one company. The secret is shown once at creation and stored only
/// as HMAC-SHA256 under a per-key random salt.
/// </summary>
public sealed class ApiKey : ICompanyScoped
{
    /// <summary>The key's id.</summary>
    public Guid Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>A label, e.g. "onFact production".</summary>
    public required string Name { get; set; }

    /// <summary>The key's public part (also its first characters as shown to people); unique.</summary>
    public required string Prefix { get; set; }

    /// <summary>Per-key random salt (32 bytes).</summary>
    public required byte[] Salt { get; set; }

    /// <summary>HMAC-SHA256 of the secret part, keyed with <see cref="Salt"/>.</summary>
    public required byte[] SecretHash { get; set; }

    /// <summary>What the key may do.</summary>
    public ApiKeyAccess Access { get; set; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was revoked; a revoked key never authenticates again.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>When it last authenticated.</summary>
    public DateTimeOffset? LastUsedAt { get; set; }
}
