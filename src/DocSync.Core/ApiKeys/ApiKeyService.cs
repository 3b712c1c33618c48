using System.Security.Cryptography;
using System.Text;
using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Errors;
using DocSync.Core.Logging;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DocSync.Core.ApiKeys;

/// <summary>
/// API keys of the current company. A key reads <c>dsk_&lt;prefix&gt;_&lt;secret&gt;</c>: the prefix finds
/// the row, the 256-bit secret is checked against HMAC-SHA256 under the key's own random salt in
/// constant time. Keys are shown once, scoped to one company and revocable.
/// </summary>
public sealed class ApiKeyService(DocSyncDbContext db, ICompanyContext company, TimeProvider time, ILogger<ApiKeyService> logger)
{
    private const string Scheme = "dsk_";

    /// <summary>Creates a key. Needs <see cref="Right.ManageApiKeys"/>.</summary>
    /// <param name="name">A label, 1 to 200 characters.</param>
    /// <param name="access">What the key may do.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<CreatedApiKey> CreateAsync(string name, ApiKeyAccess access, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageApiKeys);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            throw new ValidationFailedException("name", "required", "A key's name has 1 to 200 characters.");
        }

        if (!Enum.IsDefined(access))
        {
            throw new ValidationFailedException("access", "unknown-access", "Access is readOnly or readWrite.");
        }

        var prefix = Scheme + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var salt = RandomNumberGenerator.GetBytes(32);
        var now = time.GetUtcNow();
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(now),
            CompanyId = company.CompanyId,
            Name = name.Trim(),
            Prefix = prefix,
            Salt = salt,
            SecretHash = Hash(salt, secret),
            Access = access,
            CreatedAt = now,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        Log.ApiKeyCreated(logger, key.Id, prefix, key.CompanyId);
        return new CreatedApiKey(key.Id, key.Name, prefix, $"{prefix}_{secret}", access);
    }

    /// <summary>The current company's keys. Needs <see cref="Right.ManageApiKeys"/>.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageApiKeys);
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return keys.OrderBy(k => k.CreatedAt)
            .Select(k => new ApiKeyInfo(k.Id, k.Name, k.Prefix, k.Access, k.CreatedAt, k.RevokedAt, k.LastUsedAt))
            .ToList();
    }

    /// <summary>Revokes a key for good. Needs <see cref="Right.ManageApiKeys"/>; another company's key reads as not found.</summary>
    /// <param name="keyId">The key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task RevokeAsync(Guid keyId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageApiKeys);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("API key", keyId);
        if (key.RevokedAt is null)
        {
            key.RevokedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            Log.ApiKeyRevoked(logger, key.Id, key.CompanyId);
        }
    }

    /// <summary>
    /// Checks a presented key; returns the scope it grants (its company and rights), or
    /// <see langword="null"/> for a malformed, unknown, wrong or revoked key. Needs no company:
    /// this is how a request gets one.
    /// </summary>
    /// <param name="token">The whole key as presented.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<CompanyScope?> AuthenticateAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (token is null || !token.StartsWith(Scheme, StringComparison.Ordinal) || token.Length > 200)
        {
            return null;
        }

        var separator = token.IndexOf('_', Scheme.Length);
        if (separator < 0)
        {
            return null;
        }

        var prefix = token[..separator];
        var secret = token[(separator + 1)..];

        // The one lookup that must cross companies: the key itself says which company it belongs to.
        var key = await db.ApiKeys.IgnoreQueryFilters().AsNoTracking()
            .SingleOrDefaultAsync(k => k.Prefix == prefix, cancellationToken).ConfigureAwait(false);
        if (key is null || !CryptographicOperations.FixedTimeEquals(Hash(key.Salt, secret), key.SecretHash))
        {
            Log.ApiKeyRefused(logger, prefix, "unknown key or wrong secret");
            return null;
        }

        if (key.RevokedAt is not null)
        {
            Log.ApiKeyRefused(logger, prefix, "revoked");
            return null;
        }

        // "Last used" to the minute: a busy host application must not pay one extra write per call.
        var now = time.GetUtcNow();
        if (key.LastUsedAt is not { } lastUsed || now - lastUsed >= LastUsedResolution)
        {
            await db.ApiKeys.IgnoreQueryFilters().Where(k => k.Id == key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken).ConfigureAwait(false);
        }
        // A host application works with documents, their binders, the inbox and Files; people, keys,
        // connections and settings stay with people.
        IReadOnlySet<Right> rights = key.Access == ApiKeyAccess.ReadWrite
            ? new HashSet<Right> { Right.ViewDocuments, Right.EditDocuments, Right.ManageBinders, Right.ProcessInbox, Right.ManageFiles }
            : new HashSet<Right> { Right.ViewDocuments };
        return new CompanyScope(key.CompanyId, Actor.ApiKey(key.Id), rights);
    }

    /// <summary>How precisely <see cref="ApiKeyInfo.LastUsedAt"/> follows use: one minute.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private static byte[] Hash(byte[] salt, string secret) => HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
