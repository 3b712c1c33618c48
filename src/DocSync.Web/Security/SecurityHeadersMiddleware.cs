using DocSync.Web.Features.Connections;

namespace DocSync.Web.Security;

/// <summary>
/// Headers that keep the UI's pages from being framed, sniffed or fed foreign scripts. Forms may
/// post to DocSync and redirect to Dropbox's consent page, nowhere else. The API reference page
/// (<c>/api/docs</c>) runs its own inline bootstrap, so it gets no script policy; no page may be framed.
/// Over HTTPS (directly, or behind a proxy with <c>DocSync:Web:BehindProxy</c>) every response carries HSTS.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, DropboxApp dropbox)
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        // Set when the response starts: the exception handler clears headers set earlier.
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        return next(context);
    }

    private void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers.XFrameOptions = "DENY";
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = "max-age=31536000";
        }

        if (context.Items[Features.Shared.SafeFile.PolicyItem] is string own)
        {
            // A stored file shown inline (Files' preview) brings its own, stricter policy.
            headers.ContentSecurityPolicy = own;
        }
        else if (context.Request.Path.StartsWithSegments("/api/docs"))
        {
            // The reference runs its own inline bootstrap (no script policy), but no page may frame it.
            headers.ContentSecurityPolicy = "frame-ancestors 'none'";
        }
        else
        {
            // Browsers apply form-action to the redirect that follows a form post: the connect form ends at the consent page.
            headers.ContentSecurityPolicy = dropbox.Available ? $"{Policy} {dropbox.AuthorizeOrigin}" : Policy;
        }
    }
}
