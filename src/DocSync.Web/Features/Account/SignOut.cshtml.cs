using DocSync.Core.Accounts;
using DocSync.Core.Companies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Account;

/// <summary>
/// Signs out (POST only, so a link cannot sign someone out). The person's security stamp changes,
/// so every other session of theirs ends too, and a copied cookie stops working.
/// </summary>
public sealed class SignOutModel(SignInManager<Person> signIn, UserManager<Person> users, SecurityAudit audit) : PageModel
{
    /// <summary>Signs out and goes to the sign-in page.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } person)
        {
            await users.UpdateSecurityStampAsync(person);
            await audit.RecordAsync(person.Id, SecurityActions.SignedOut, HttpContext.Connection.RemoteIpAddress?.ToString(), HttpContext.RequestAborted);
        }

        await signIn.SignOutAsync();
        return Redirect("/sign-in");
    }
}
