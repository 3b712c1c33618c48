using DocSync.Core;
using DocSync.Core.Auditing;
using DocSync.Core.Companies;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Audit;

/// <summary>Who did what, when, in this company (newest first).</summary>
[RequireRight(Right.ViewAudit)]
public sealed class IndexModel(AuditLogService audit) : PageModel
{
    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>Page number, from 1.</summary>
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The entries.</summary>
    public PagedResult<AuditEntryInfo>? Result { get; private set; }

    /// <summary>Loads a page of entries.</summary>
    public async Task OnGetAsync() =>
        Result = await audit.ListAsync(new AuditQuery { Page = Core.Paging.Clamp(PageNumber), PageSize = 50 }, HttpContext.RequestAborted);
}
