using DocSync.Core.Companies;
using DocSync.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Account;

/// <summary>
/// Where an invitation link leads: the invited person chooses their password. The link carries a
/// one-time token (ASP.NET Core Identity's password reset token), so it works once.
/// </summary>
public sealed class SetPasswordModel(UserManager<Person> users, Texts texts) : PageModel
{
    /// <summary>The invited person.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid PersonId { get; set; }

    /// <summary>The one-time token.</summary>
    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    /// <summary>The new password.</summary>
    [BindProperty]
    public string Password { get; set; } = "";

    /// <summary>Whether the password was set.</summary>
    public bool Done { get; private set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Sets the password if the token is valid.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var person = await users.FindByIdAsync(PersonId.ToString());
        var result = person is null ? IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = texts["setPassword.invalid"] })
            : await users.ResetPasswordAsync(person, Token, Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Code == "InvalidToken" ? texts["setPassword.invalid"] : error.Description);
            }

            return Page();
        }

        Done = true;
        return Page();
    }
}
