namespace DocSync.Core.ApiKeys;

/// <summary>An API key as listed (never its secret).</summary>
/// <param name="Id">The key's id.</param>
/// <param name="Name">Its label.</param>
/// <param name="Prefix">Its public part.</param>
/// <param name="Access">What it may do.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="RevokedAt">When it was revoked, if it was.</param>
/// <param name="LastUsedAt">When it last authenticated.</param>
public sealed record ApiKeyInfo(Guid Id, string Name, string Prefix, ApiKeyAccess Access, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);
