using System.Security.Cryptography;
using System.Text;

namespace DocSync.Core.Invitations;

/// <summary>An invitation link's secret: 256 random bits, base64url; only its SHA-256 is stored.</summary>
public static class InvitationToken
{
    /// <summary>A new token.</summary>
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The stored form of <paramref name="token"/>: SHA-256, lowercase hex.</summary>
    /// <param name="token">The token from the link.</param>
    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? "")));

    /// <summary>Whether <paramref name="token"/> has the shape of a token (so junk never reaches the database).</summary>
    /// <param name="token">The token from the link.</param>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
