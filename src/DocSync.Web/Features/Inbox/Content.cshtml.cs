using DocSync.Core.Companies;
using DocSync.Core.Organizing;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace DocSync.Web.Features.Inbox;

/// <summary>Streams an inbox item's file: PDFs inline, anything else as a download (never rendered in our origin).</summary>
[RequireRight(Right.ProcessInbox)]
public sealed class ContentModel(InboxService inbox) : PageModel
{
    /// <summary>Streams the file.</summary>
    /// <param name="itemId">The item.</param>
    public async Task<IActionResult> OnGetAsync(Guid itemId)
    {
        var (item, content) = await inbox.OpenContentAsync(itemId, HttpContext.RequestAborted);
        Response.Headers["X-Content-Type-Options"] = "nosniff";
        if (item.ContentType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase))
        {
            var disposition = new ContentDispositionHeaderValue("inline");
            disposition.SetHttpFileName(item.FileName);
            Response.Headers.ContentDisposition = disposition.ToString();
            return new FileStreamResult(content, "application/pdf") { EnableRangeProcessing = true };
        }

        return new FileStreamResult(content, "application/octet-stream") { FileDownloadName = item.FileName, EnableRangeProcessing = true };
    }
}
