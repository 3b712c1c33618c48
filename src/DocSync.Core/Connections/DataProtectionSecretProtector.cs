using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace DocSync.Core.Connections;

/// <summary>Encrypts secrets at rest with ASP.NET Core Data Protection (purpose-bound; the host persists the key ring).</summary>
/// <param name="provider">The host's Data Protection.</param>
public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("DocSync.Secrets.v1");

    /// <inheritdoc />
    public string Protect(string secret) => _protector.Protect(secret);

    /// <inheritdoc />
    public bool TryUnprotect(string protectedSecret, out string secret)
    {
        try
        {
            secret = _protector.Unprotect(protectedSecret);
            return true;
        }
        catch (CryptographicException)
        {
            secret = "";
            return false;
        }
    }
}
