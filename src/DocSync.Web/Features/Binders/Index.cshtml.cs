using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Organizing;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Binders;

/// <summary>The company's binders (classeurs) with their document counts; holders of the right create, rename and delete them.</summary>
[RequireRight(Right.ViewDocuments)]
public sealed class IndexModel(BinderService binders, ICompanyContext company) : PageModel
{
    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>The binders.</summary>
    public IReadOnlyList<BinderInfo> Binders { get; private set; } = [];

    /// <summary>Whether the person may change binders.</summary>
    public bool CanManage => company.Has(Right.ManageBinders);

    /// <summary>Lists the binders.</summary>
    public async Task OnGetAsync() => Binders = await binders.ListWithCountsAsync(HttpContext.RequestAborted);

    /// <summary>Creates a binder.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="description">What goes in it.</param>
    public async Task<IActionResult> OnPostCreateAsync(string? name, string? description)
    {
        await OnGetAsync();
        await binders.CreateAsync(name ?? "", string.IsNullOrWhiteSpace(description) ? null : description, HttpContext.RequestAborted);
        return Redirect($"/c/{CompanyId}/binders");
    }

    /// <summary>Renames a binder.</summary>
    /// <param name="binderId">The binder.</param>
    /// <param name="name">The new name.</param>
    public async Task<IActionResult> OnPostRenameAsync(Guid binderId, string? name)
    {
        await OnGetAsync();
        await binders.RenameAsync(binderId, name ?? "", HttpContext.RequestAborted);
        return Redirect($"/c/{CompanyId}/binders");
    }

    /// <summary>Deletes an empty binder.</summary>
    /// <param name="binderId">The binder.</param>
    public async Task<IActionResult> OnPostDeleteAsync(Guid binderId)
    {
        await OnGetAsync();
        await binders.DeleteAsync(binderId, HttpContext.RequestAborted);
        return Redirect($"/c/{CompanyId}/binders");
    }
}
