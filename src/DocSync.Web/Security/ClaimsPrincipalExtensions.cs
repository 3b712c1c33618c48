using System.Security.Claims;

namespace DocSync.Web.Security;

/// <summary>Reads DocSync's claims.</summary>
public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in person's id, or <see langword="null"/>.</summary>
    /// <param name="user">The principal.</param>
    public static Guid? PersonId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.AuthenticationType != ApiKeyAuthenticationHandler.SchemeName
            && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    }
}
