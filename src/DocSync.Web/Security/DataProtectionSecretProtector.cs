using System.Security.Cryptography;
using DocSync.Core.Connections;
using Microsoft.AspNetCore.DataProtection;

namespace DocSync.Web.Security;

/// <summary>Encrypts secrets at rest with ASP.NET Core Data Protection (purpose-bound, key ring under <c>DocSync:Web:KeysPath</c>).</summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("DocSync.Secrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

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
