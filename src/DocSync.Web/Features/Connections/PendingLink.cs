using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace DocSync.Web.Features.Connections;

/// <summary>
/// An OAuth round trip in flight, kept in an encrypted, time-limited cookie: the PKCE verifier, the
/// <c>state</c> (bound to the person who started it) and what to link. Nothing is stored server-side
/// until Dropbox answers.
/// </summary>
public sealed record PendingLink(string State, string CodeVerifier, Guid PersonId, Guid CompanyId, string Name, string RootFolder, string RedirectUri)
{
    /// <summary>The cookie's name.</summary>
    public const string CookieName = "docsync.oauth";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>Writes the cookie (HttpOnly, Lax so it comes back with Dropbox's top-level redirect).</summary>
    /// <param name="context">The request.</param>
    /// <param name="provider">Data Protection.</param>
    public void Save(HttpContext context, IDataProtectionProvider provider)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = Protector(provider).Protect(JsonSerializer.Serialize(this), Lifetime);
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = Lifetime,
            Path = "/dropbox",
            IsEssential = true,
        });
    }

    /// <summary>Reads and deletes the cookie; <see langword="null"/> when absent, expired or tampered with.</summary>
    /// <param name="context">The request.</param>
    /// <param name="provider">Data Protection.</param>
    public static PendingLink? Take(HttpContext context, IDataProtectionProvider provider)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/dropbox" });
        try
        {
            return JsonSerializer.Deserialize<PendingLink>(Protector(provider).Unprotect(value));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"PendingLink {{ CompanyId = {CompanyId}, Name = {Name} }}";

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider provider) =>
        provider.CreateProtector("DocSync.DropboxLink.v1").ToTimeLimitedDataProtector();
}
