using DocSync.Core.Companies;
using DocSync.Core.Errors;
using DocSync.Core.Organizing;
using DocSync.Web.Features.Documents;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Inbox;

/// <summary>Processes one inbox item: turn it into a document (its file becomes the document's file) or reject it.</summary>
[RequireRight(Right.ProcessInbox)]
public sealed class ItemModel(InboxService inbox, BinderService binders, CompanyService companies) : PageModel
{
    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>The item of the URL.</summary>
    [FromRoute]
    public Guid ItemId { get; set; }

    /// <summary>The item.</summary>
    public InboxItemInfo? Item { get; private set; }

    /// <summary>The document form.</summary>
    [BindProperty]
    public NewDocumentInput Input { get; set; } = new();

    /// <summary>Shows the item and the form, the binder preset from the item.</summary>
    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input.BinderId = Item!.BinderId;
        Input.Number = Path.GetFileNameWithoutExtension(Item.FileName);
    }

    /// <summary>Makes the document.</summary>
    public async Task<IActionResult> OnPostConvertAsync()
    {
        await LoadAsync();
        try
        {
            if (Input.BinderId != Item!.BinderId)
            {
                // The document is filed in the item's binder: keep the one chosen in the form.
                Item = await inbox.AssignAsync(ItemId, Item.AssigneeId, Input.BinderId, HttpContext.RequestAborted);
            }

            var content = Input.ToContent(await companies.GetCurrentAsync(HttpContext.RequestAborted));
            var document = await inbox.ConvertAsync(ItemId, content, Input.Status, HttpContext.RequestAborted);
            return Redirect($"/c/{CompanyId}/documents/{document.Id}?saved=true");
        }
        catch (ValidationFailedException failed)
        {
            foreach (var error in failed.Errors)
            {
                ModelState.AddModelError(NewModel.FormField(error.Field), error.Message);
            }

            return Page();
        }
    }

    /// <summary>Rejects the item.</summary>
    /// <param name="reason">Why.</param>
    public async Task<IActionResult> OnPostRejectAsync(string? reason)
    {
        await LoadAsync();
        await inbox.RejectAsync(ItemId, string.IsNullOrWhiteSpace(reason) ? null : reason, HttpContext.RequestAborted);
        return Redirect($"/c/{CompanyId}/inbox");
    }

    private async Task LoadAsync()
    {
        Item = await inbox.GetAsync(ItemId, HttpContext.RequestAborted);
        ViewData["Binders"] = await binders.ListAsync(HttpContext.RequestAborted);
    }
}
