using DocSync.Core.Accounts;
using DocSync.Core.Companies;
using DocSync.Core.Errors;
using DocSync.Core.Invitations;
using DocSync.Web.Localization;
using DocSync.Web.Security;
using DocSync.Web.Security.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Account;

/// <summary>
/// Where an invitation link leads. A person the inviting company created, who has no password yet,
/// chooses one here and is signed in as a member. Anyone else (an existing account) signs in first
/// and then accepts or declines; this link never sets the password of an account another company
/// made or that already has one.
/// </summary>
public sealed class InvitationModel(
    InvitationService invitations,
    UserManager<Person> users,
    SignInManager<Person> signIn,
    SecurityAudit audit,
    SignInThrottle throttle,
    Texts texts) : PageModel
{
    /// <summary>The link's token.</summary>
    [FromRoute]
    public string Token { get; set; } = "";

    /// <summary>The new password.</summary>
    [BindProperty]
    public string Password { get; set; } = "";

    /// <summary>What the link leads to (null: no longer valid).</summary>
    public InvitationView? Invitation { get; private set; }

    /// <summary>The signed-in person is someone other than the one invited.</summary>
    public bool SignedInAsSomeoneElse { get; private set; }

    /// <summary>The invitation was declined.</summary>
    public bool Declined { get; private set; }

    /// <summary>Shows what the link offers.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        if (Invitation is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    /// <summary>Chooses the first password and joins (only for a person this company created).</summary>
    public async Task<IActionResult> OnPostPasswordAsync()
    {
        if (Throttled())
        {
            return Page();
        }

        await LoadAsync();
        if (Invitation is not { MayChoosePassword: true })
        {
            return Invalid();
        }

        try
        {
            var (result, companyId) = await invitations.AcceptWithFirstPasswordAsync(Token, person => users.AddPasswordAsync(person, Password ?? ""), HttpContext.RequestAborted);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(nameof(Password), PasswordErrors.Describe(texts, error));
                }

                return Page();
            }

            var person = await users.FindByIdAsync(Invitation.PersonId.ToString());
            await audit.RecordAsync(person!.Id, SecurityActions.PasswordSet, HttpContext.Connection.RemoteIpAddress?.ToString(), HttpContext.RequestAborted);
            await signIn.SignInAsync(person, isPersistent: false);
            CultureCookie.Set(HttpContext, person.Culture);
            return LocalRedirect($"/c/{companyId}/documents");
        }
        catch (NotFoundException)
        {
            return Invalid();
        }
    }

    /// <summary>The signed-in invited person accepts.</summary>
    public async Task<IActionResult> OnPostAcceptAsync()
    {
        await LoadAsync();
        if (Invitation is null || User.PersonId() != Invitation.PersonId)
        {
            return Invalid();
        }

        try
        {
            var companyId = await invitations.AcceptAsync(Invitation.Id, Invitation.PersonId, HttpContext.RequestAborted);
            return LocalRedirect($"/c/{companyId}/documents");
        }
        catch (NotFoundException)
        {
            return Invalid();
        }
    }

    /// <summary>The signed-in invited person declines.</summary>
    public async Task<IActionResult> OnPostDeclineAsync()
    {
        await LoadAsync();
        if (Invitation is null || User.PersonId() != Invitation.PersonId)
        {
            return Invalid();
        }

        try
        {
            await invitations.DeclineAsync(Invitation.Id, Invitation.PersonId, HttpContext.RequestAborted);
        }
        catch (NotFoundException)
        {
            return Invalid();
        }

        Declined = true;
        Invitation = null;
        return Page();
    }

    private async Task LoadAsync()
    {
        Invitation = await invitations.FindByTokenAsync(Token, HttpContext.RequestAborted);
        SignedInAsSomeoneElse = Invitation is not null && User.PersonId() is { } me && me != Invitation.PersonId;
    }

    private bool Throttled()
    {
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "-";
        var decision = throttle.Attempt(client, null);
        if (decision.Allowed)
        {
            return false;
        }

        decision.Apply(Response);
        ModelState.AddModelError(string.Empty, texts.Format("signIn.throttled", decision.Seconds));
        return true;
    }

    private PageResult Invalid()
    {
        Invitation = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
