using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Errors;
using DocSync.Core.Files;
using DocSync.Web.Features.Shared;
using DocSync.Web.Localization;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Files;

/// <summary>Files' trash: what was deleted and when it is purged; restore one item, or empty the trash (asked first).</summary>
[RequireRight(Right.ViewDocuments)]
public sealed class TrashModel(FileTrash trash, ICompanyContext company, Texts texts) : PageModel
{
    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>What the trash holds.</summary>
    public IReadOnlyList<TrashItem> Items { get; private set; } = [];

    /// <summary>The question before emptying the trash.</summary>
    public Confirmation? Confirm { get; private set; }

    /// <summary>The name an item was just restored under.</summary>
    [BindProperty(SupportsGet = true, Name = "restored")]
    public string? Restored { get; set; }

    /// <summary>How many items were just purged.</summary>
    [BindProperty(SupportsGet = true, Name = "emptied")]
    public int? Emptied { get; set; }

    /// <summary>Whether the person may restore and empty.</summary>
    public bool CanManage => company.Has(Right.ManageFiles);

    /// <summary>Lists the trash.</summary>
    public async Task OnGetAsync() => Items = await trash.ListAsync(HttpContext.RequestAborted);

    /// <summary>Restores one item into its folder (or the top level), under a free name.</summary>
    /// <param name="itemId">The item.</param>
    public async Task<IActionResult> OnPostRestoreAsync(Guid itemId)
    {
        try
        {
            var (name, _) = await trash.RestoreAsync(itemId, HttpContext.RequestAborted);
            return Redirect($"/c/{CompanyId}/files/trash?restored={Uri.EscapeDataString(name)}");
        }
        catch (ConflictException)
        {
            ModelState.AddModelError("itemId", texts["files.error.changed-meanwhile"]);
            await OnGetAsync();
            return Page();
        }
    }

    /// <summary>Empties the trash once confirmed; until then asks, naming what goes.</summary>
    /// <param name="confirmed">Whether the person confirmed.</param>
    public async Task<IActionResult> OnPostEmptyAsync(bool confirmed)
    {
        company.Demand(Right.ManageFiles);
        if (!confirmed)
        {
            await OnGetAsync();
            Confirm = new Confirmation(texts["files.emptyConfirm"],
                [texts.Format("files.emptyConsequence", Items.Count, Items.Sum(i => i.Files))], "empty",
                new Dictionary<string, string>(), texts["files.emptyTrash"], $"/c/{CompanyId}/files/trash");
            return Page();
        }

        var purged = await trash.EmptyAsync(HttpContext.RequestAborted);
        return Redirect($"/c/{CompanyId}/files/trash?emptied={purged}");
    }
}
