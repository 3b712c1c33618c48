using System.Globalization;
using DocSync.Core;
using DocSync.Core.Companies;
using DocSync.Core.Organizing;
using DocSync.Web.Localization;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace DocSync.Web.Features.Inbox;

/// <summary>
/// The company's inbox: files waiting to become documents (uploaded here, sent by the API, collected
/// from Dropbox), searchable in their names and read text, filtered by status, source and possible duplicates.
/// </summary>
[RequireRight(Right.ProcessInbox)]
public sealed class IndexModel(InboxService inbox, DocSync.Core.Companies.MembershipService members, Texts texts) : PageModel
{
    /// <summary>Items per page.</summary>
    public const int PageSize = 50;

    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>Which items to show.</summary>
    [FromQuery]
    public InboxItemStatus Status { get; set; } = InboxItemStatus.Pending;

    /// <summary>Words in the file name or the read text.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    /// <summary>Only items from this source.</summary>
    [FromQuery(Name = "source")]
    public InboxSource? Source { get; set; }

    /// <summary>Only possible duplicates.</summary>
    [FromQuery(Name = "duplicates")]
    public bool Duplicates { get; set; }

    /// <summary>Page number, from 1.</summary>
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>How many files were just received.</summary>
    [FromQuery]
    public int Received { get; set; }

    /// <summary>The items.</summary>
    public PagedResult<InboxItemInfo>? Result { get; private set; }

    /// <summary>Whether any filter besides the status is set.</summary>
    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || Source is not null || Duplicates;

    /// <summary>The company's people by id, to name an item's assignee.</summary>
    public IReadOnlyDictionary<Guid, string> People { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>Lists the items.</summary>
    public async Task OnGetAsync()
    {
        People = (await members.ListAsync(HttpContext.RequestAborted)).ToDictionary(m => m.PersonId, m => m.DisplayName);
        await ListAsync();
    }

    private async Task ListAsync() =>
        Result = await inbox.ListAsync(new InboxQuery
        {
            Status = Status,
            Search = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
            Source = Source is { } source && Enum.IsDefined(source) ? source : null,
            DuplicatesOnly = Duplicates,
            Page = Core.Paging.Clamp(PageNumber),
            PageSize = PageSize,
        }, HttpContext.RequestAborted);

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
                string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType, content, null, null, cancellationToken: HttpContext.RequestAborted);
        }

        return Redirect($"/c/{CompanyId}/inbox?received={files.Count}");
    }

    /// <summary>The URL of the list with the current filters, for <paramref name="status"/> and <paramref name="page"/>.</summary>
    /// <param name="status">The status to show.</param>
    /// <param name="page">The page, from 1.</param>
    public string ListUrl(InboxItemStatus status, int page = 1)
    {
        var query = new Dictionary<string, string?> { ["status"] = status.ToString() };
        if (!string.IsNullOrWhiteSpace(Q)) { query["q"] = Q.Trim(); }
        if (Source is { } source) { query["source"] = source.ToString().ToLowerInvariant(); }
        if (Duplicates) { query["duplicates"] = "true"; }
        if (page > 1) { query["page"] = page.ToString(CultureInfo.InvariantCulture); }
        return QueryHelpers.AddQueryString($"/c/{CompanyId}/inbox", query);
    }
}
