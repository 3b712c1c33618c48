using DocSync.Core;
using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Documents;
using DocSync.Core.Organizing;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace DocSync.Web.Features.Documents;

/// <summary>The company's documents with search, filters and paging.</summary>
[RequireRight(Right.ViewDocuments)]
public sealed class IndexModel(DocumentService documents, BinderService binders, ICompanyContext company) : PageModel
{
    /// <summary>The company of the URL.</summary>
    [FromRoute]
    public Guid CompanyId { get; set; }

    /// <summary>The number of a document just deleted, to say so.</summary>
    [FromQuery(Name = "deleted")]
    public string? Deleted { get; set; }

    /// <summary>Free-text search (number, parties).</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    /// <summary>Type filter.</summary>
    [FromQuery]
    public DocumentType? Type { get; set; }

    /// <summary>Status filter.</summary>
    [FromQuery]
    public DocumentStatus? Status { get; set; }

    /// <summary>Binder filter.</summary>
    [FromQuery]
    public Guid? BinderId { get; set; }

    /// <summary>Page number, from 1.</summary>
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The page of documents.</summary>
    public PagedResult<DocumentSummary>? Result { get; private set; }

    /// <summary>Binders for the filter.</summary>
    public IReadOnlyList<Binder> Binders { get; private set; } = [];

    /// <summary>Whether the person may create documents.</summary>
    public bool CanEdit => company.Has(Right.EditDocuments);

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        Result = await documents.ListAsync(new DocumentQuery
        {
            Search = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
            Type = Type,
            Status = Status,
            BinderId = BinderId,
            Page = Core.Paging.Clamp(PageNumber),
            PageSize = 25,
        }, cancellationToken);
        Binders = await binders.ListAsync(cancellationToken);
    }

    /// <summary>The URL of page <paramref name="page"/> with the current filters.</summary>
    /// <param name="page">The page.</param>
    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?> { ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (!string.IsNullOrWhiteSpace(Q)) { query["q"] = Q; }
        if (Type is { } t) { query["type"] = t.ToString(); }
        if (Status is { } s) { query["status"] = s.ToString(); }
        if (BinderId is { } b) { query["binderId"] = b.ToString(); }
        return QueryHelpers.AddQueryString($"/c/{CompanyId}/documents", query);
    }
}
