using DocSync.Core;
using DocSync.Core.Companies;
using DocSync.Core.Files;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Files;

/// <summary>Documents' attachments beside the free files, read-only: each links to its document and downloads.</summary>
[RequireRight(Right.ViewDocuments)]
public sealed class AttachmentsModel(FileBrowser browser) : PageModel
{
    /// <summary>Attachments per page.</summary>
    public const int PageSize = 50;

    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>Words in the file name.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    /// <summary>The page, from 1.</summary>
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The attachments shown.</summary>
    public PagedResult<AttachmentInfo>? Result { get; private set; }

    /// <summary>Lists a page.</summary>
    public async Task OnGetAsync() =>
        Result = await browser.AttachmentsAsync(Q, Paging.Clamp(PageNumber), PageSize, HttpContext.RequestAborted);
}
