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
        return companies.Count > 0 ? Redirect($"/c/{companies[0].CompanyId}/overview") : Page();
    }
}
