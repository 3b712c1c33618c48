using Microsoft.EntityFrameworkCore;
using DocSync.Core.Persistence;

namespace DocSync.Web.Security;

/// <summary>
/// Until the first owner exists, every UI request goes to the setup page (the API answers 503).
/// Once someone exists, the setup page is gone for good.
/// </summary>
internal sealed class FirstRunMiddleware(RequestDelegate next)
{
    private volatile bool _setUp;

    public async Task InvokeAsync(HttpContext context, DocSyncDbContext db)
    {
        if (!_setUp)
        {
            _setUp = await db.Users.AnyAsync(context.RequestAborted);
        }

        var path = context.Request.Path;
        var exempt = path.StartsWithSegments("/setup") || path.StartsWithSegments("/health") || path.StartsWithSegments("/css")
            || path.StartsWithSegments("/status") || path.StartsWithSegments("/culture") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/api/docs")
            || path.StartsWithSegments("/webhooks");
        if (!_setUp && !exempt)
        {
            if (path.StartsWithSegments("/api"))
            {
                await Errors.ApiProblems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "not-set-up",
                    "DocSync is not set up yet: open the web UI and create the first owner.");
                return;
            }

            context.Response.Redirect("/setup");
            return;
        }

        if (_setUp && path.StartsWithSegments("/setup"))
        {
            context.Response.Redirect("/");
            return;
        }

        await next(context);
    }
}
