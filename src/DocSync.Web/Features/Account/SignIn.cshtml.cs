using DocSync.Core.Companies;
using DocSync.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Account;

/// <summary>Sign in with e-mail and password; locked out for a while after repeated failures.</summary>
public sealed class SignInModel(SignInManager<Person> signIn, UserManager<Person> users, Texts texts) : PageModel
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
        var person = await users.FindByEmailAsync(Email.Trim());
        var result = person is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(person, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty, texts["signIn.lockedOut"]);
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, texts["signIn.failed"]);
            return Page();
        }

        CultureCookie.Set(HttpContext, person!.Culture);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
