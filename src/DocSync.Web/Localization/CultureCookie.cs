using DocSync.Core.Persistence;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Localization;

namespace DocSync.Web.Localization;

/// <summary>The language choice: a cookie, and the person's saved preference when signed in.</summary>
public static class CultureCookie
{
    /// <summary>The cookie's name.</summary>
    public const string Name = "docsync.culture";

    /// <summary>Maps <c>POST /culture</c> (form: <c>culture</c>, <c>returnUrl</c>).</summary>
    /// <param name="app">The endpoint builder.</param>
    public static IEndpointConventionBuilder MapCultureEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost("/culture", async (HttpContext context, DocSyncDbContext db, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            // A foreign page must not change anyone's language (or anything else) by posting here.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var culture = form["culture"].ToString();
            if (!Hosting.WebApplicationSetup.Cultures.Contains(culture))
            {
                return Results.BadRequest();
            }

            Set(context, culture);
            if (context.User.PersonId() is { } personId && await db.Users.FindAsync([personId], context.RequestAborted) is { } person)
            {
                person.Culture = culture;
                await db.SaveChangesAsync(context.RequestAborted);
            }

            var returnUrl = form["returnUrl"].ToString();
            return Results.LocalRedirect(Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        }).DisableAntiforgery().WithMetadata(new Microsoft.AspNetCore.Routing.ExcludeFromDescriptionAttribute());

    /// <summary>Sets the culture cookie for a year.</summary>
    /// <param name="context">The request.</param>
    /// <param name="culture">en, nl or fr.</param>
    public static void Set(HttpContext context, string culture)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(Name, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = context.Request.IsHttps });
    }
}
