using DocSync.Core.Accounts;
using DocSync.Core.Companies;
using DocSync.Web.Localization;
using DocSync.Web.Security.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Me;

/// <summary>
/// The signed-in person changes their password. Every other session of theirs ends (the security
/// stamp changes); this one goes on. Rate-limited like sign-in.
/// </summary>
public sealed class PasswordModel(UserManager<Person> users, SignInManager<Person> signIn, SecurityAudit audit, SignInThrottle throttle, Texts texts) : PageModel
{
    /// <summary>The current password.</summary>
    [BindProperty]
    public string Current { get; set; } = "";

    /// <summary>The new password.</summary>
    [BindProperty]
    public string New { get; set; } = "";

    /// <summary>Whether it was changed.</summary>
    public bool Done { get; private set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Changes the password.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "-";
        var person = await users.GetUserAsync(User);
        if (person is null)
        {
            return Challenge();
        }

        var decision = throttle.Attempt(client, person.Email);
        if (!decision.Allowed)
        {
            decision.Apply(Response);
            ModelState.AddModelError(string.Empty, texts.Format("signIn.throttled", decision.Seconds));
            return Page();
        }

        var result = await users.ChangePasswordAsync(person, Current ?? "", New ?? "");
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(Current) : nameof(New), PasswordErrors.Describe(texts, error));
            }

            await audit.RecordAsync(person.Id, SecurityActions.SignInFailed, client, HttpContext.RequestAborted);
            return Page();
        }

        await audit.RecordAsync(person.Id, SecurityActions.PasswordChanged, client, HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(person);
        Done = true;
        return Page();
    }
}
