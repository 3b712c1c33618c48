using DocSync.Core;
using DocSync.Core.Companies;
using DocSync.Core.Organizing;
using DocSync.Web.Localization;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Inbox;

/// <summary>The company's inbox: files waiting to become documents (uploaded here, sent by the API, collected from Dropbox).</summary>
[RequireRight(Right.ProcessInbox)]
public sealed class IndexModel(InboxService inbox, Texts texts) : PageModel
{
    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>Which items to show.</summary>
    [FromQuery]
    public InboxItemStatus Status { get; set; } = InboxItemStatus.Pending;

    /// <summary>How many files were just received.</summary>
    [FromQuery]
    public int Received { get; set; }

    /// <summary>The items.</summary>
    public PagedResult<InboxItemInfo>? Result { get; private set; }

    /// <summary>Lists the items.</summary>
    public async Task OnGetAsync() =>
        Result = await inbox.ListAsync(new InboxQuery { Status = Status, PageSize = InboxQuery.MaxPageSize }, HttpContext.RequestAborted);

    /// <summary>Puts uploaded files in the inbox.</summary>
    /// <param name="files">The files.</param>
    public async Task<IActionResult> OnPostAsync(List<IFormFile> files)
    {
        await OnGetAsync();
        if (files is not { Count: > 0 })
        {
            ModelState.AddModelError("files", texts["error.chooseFiles"]);
            return Page();
        }

        foreach (var file in files)
        {
            await using var content = file.OpenReadStream();
            await inbox.ReceiveAsync(InboxSource.Upload, null, Path.GetFileName(file.FileName),
                string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType, content, null, null, HttpContext.RequestAborted);
        }

        return Redirect($"/c/{CompanyId}/inbox?received={files.Count}");
    }
}
