namespace DocSync.Core.ApiKeys;

/// <summary>A new API key. <see cref="Token"/> is shown this once: only its hash is stored.</summary>
/// <param name="Id">The key's id.</param>
/// <param name="Name">Its label.</param>
/// <param name="Prefix">Its public part, safe to show in lists.</param>
/// <param name="Token">The whole key, for the host application's <c>Authorization: Bearer</c> header.</param>
/// <param name="Access">What it may do.</param>
public sealed record CreatedApiKey(Guid Id, string Name, string Prefix, string Token, ApiKeyAccess Access);
