using DocSync.Core.Errors;
using DocSync.Core.Invitations;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Me;

/// <summary>The signed-in person's open invitations, to accept or decline (companies that invited an existing account).</summary>
public sealed class InvitationsModel(InvitationService invitations) : PageModel
{
    /// <summary>The open invitations.</summary>
    public IReadOnlyList<InvitationView> Open { get; private set; } = [];

    /// <summary>Lists them.</summary>
    public async Task OnGetAsync() => Open = await invitations.ForPersonAsync(User.PersonId()!.Value, HttpContext.RequestAborted);

    /// <summary>Accepts one and opens the company.</summary>
    /// <param name="invitationId">The invitation.</param>
    public async Task<IActionResult> OnPostAcceptAsync(Guid invitationId)
    {
        try
        {
            var companyId = await invitations.AcceptAsync(invitationId, User.PersonId()!.Value, HttpContext.RequestAborted);
            return LocalRedirect($"/c/{companyId}/documents");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>Declines one.</summary>
    /// <param name="invitationId">The invitation.</param>
    public async Task<IActionResult> OnPostDeclineAsync(Guid invitationId)
    {
        try
        {
            await invitations.DeclineAsync(invitationId, User.PersonId()!.Value, HttpContext.RequestAborted);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        return LocalRedirect("/me/invitations");
    }
}
