using DocSync.Core.Access;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Home;

/// <summary>The start page: goes to the person's first company, or says they belong to none yet.</summary>
public sealed class IndexModel(CompanyAccess access) : PageModel
{
    /// <summary>Redirects to the first company's overview.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        var companies = User.PersonId() is { } id ? await access.CompaniesOfAsync(id, HttpContext.RequestAborted) : [];
        if (companies.Count > 0)
        {
            return Redirect($"/c/{companies[0].CompanyId}/overview");
        }

        // Not a member anywhere yet, but invited: the invitations are the way in.
        var invited = User.PersonId() is { } me ? await HttpContext.RequestServices.GetRequiredService<Core.Invitations.InvitationService>().ForPersonAsync(me, HttpContext.RequestAborted) : [];
        return invited.Count > 0 ? Redirect("/me/invitations") : Page();
    }
}
