using DocSync.Core.Companies;
using DocSync.Core.Organizing;
using DocSync.Web.Features.Shared;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Inbox;

/// <summary>Streams an inbox item's file.</summary>
[RequireRight(Right.ProcessInbox)]
public sealed class ContentModel(InboxService inbox) : PageModel
{
    /// <summary>Streams the file.</summary>
    /// <param name="itemId">The item.</param>
    public async Task<IActionResult> OnGetAsync(Guid itemId)
    {
        var (item, content) = await inbox.OpenContentAsync(itemId, HttpContext.RequestAborted);
        return SafeFile.Serve(Response, content, item.ContentType, item.FileName);
    }
}
