namespace DocSync.Core.Connections;

/// <summary>
/// Encrypts secrets at rest (the web host implements it with ASP.NET Core Data Protection and a
/// persisted key ring). A secret that cannot be decrypted any more is reported, never read as empty.
/// </summary>
public interface ISecretProtector
{
    /// <summary>Encrypts <paramref name="secret"/>.</summary>
    /// <param name="secret">The clear text.</param>
    string Protect(string secret);

    /// <summary>Decrypts; <see langword="false"/> when the key ring no longer opens it.</summary>
    /// <param name="protectedSecret">The cipher text.</param>
    /// <param name="secret">The clear text.</param>
    bool TryUnprotect(string protectedSecret, out string secret);
}
