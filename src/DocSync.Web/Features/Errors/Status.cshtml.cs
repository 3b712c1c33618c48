using DocSync.Web.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Errors;

/// <summary>The UI's page for 403, 404 and failures (re-executed by the status code and exception middleware).</summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    /// <summary>The status shown.</summary>
    public int Code { get; private set; }

    /// <summary>Text key of the title.</summary>
    public string TitleKey => Code switch { 403 => "status.403.title", 404 => "status.404.title", 413 => "status.413.title", _ => "status.500.title" };

    /// <summary>Text key of the explanation.</summary>
    public string TextKey => Code switch { 403 => "status.403.text", 404 => "status.404.text", 413 => "status.413.text", _ => "status.500.text" };

    /// <summary>Shows the page for the route's code, or for the exception being handled.</summary>
    public void OnGet() => Show();

    /// <summary>Same for a form post that failed. No handler parameters: binding them would read the failed form again.</summary>
    public void OnPost() => Show();

    private void Show()
    {
        var code = RouteData.Values["code"] as string;
        Code = int.TryParse(code, out var status) && status is >= 400 and < 600 ? status
            : HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } error ? ProblemExceptionHandler.Classify(error).Status
            : 500;
        Response.StatusCode = Code;
    }
}
