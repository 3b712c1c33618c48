using DocSync.Web.Localization;
using DocSync.Web.Security.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Account;

/// <summary>
/// Sign in with e-mail and password. Attempts are rate-limited per client address and per account
/// (429 with <c>Retry-After</c>); every failure gives the same answer, whatever the reason.
/// </summary>
public sealed class SignInModel(PasswordSignIn passwordSignIn, SignInThrottle throttle, Texts texts) : PageModel
{
    /// <summary>E-mail.</summary>
    [BindProperty]
    public string Email { get; set; } = "";

    /// <summary>Password.</summary>
    [BindProperty]
    public string Password { get; set; } = "";

    /// <summary>Where to go after signing in (local paths only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the password and signs in.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "-";
        var decision = throttle.Attempt(client, Email ?? "");
        if (!decision.Allowed)
        {
            HttpContext.RequestServices.GetRequiredService<Core.Accounts.SecurityAudit>().Throttled(decision.Scope, client);
            decision.Apply(Response);
            ModelState.AddModelError(string.Empty, texts.Format("signIn.throttled", decision.Seconds));
            return Page();
        }

        var person = await passwordSignIn.SignInAsync(Email ?? "", Password ?? "", client, HttpContext.RequestAborted);
        if (person is null)
        {
            ModelState.AddModelError(string.Empty, texts["signIn.failed"]);
            return Page();
        }

        CultureCookie.Set(HttpContext, person.Culture);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
