using DocSync.Core.Documents;
using DocSync.Core.Validation;
using Microsoft.AspNetCore.Mvc;

namespace DocSync.Web.Features.Api;

/// <summary>The document list's query string, read by <see cref="QueryValues"/>.</summary>
/// <param name="Type">Only this type, e.g. <c>invoice</c> or <c>creditNote</c>.</param>
/// <param name="Status">Only this status, e.g. <c>draft</c> or <c>paid</c>.</param>
/// <param name="BinderId">Only documents in this binder (its id).</param>
/// <param name="IssuedFrom">Issued on or after this date, e.g. <c>2026-01-01</c>.</param>
/// <param name="IssuedTo">Issued on or before this date, e.g. <c>2026-12-31</c>.</param>
/// <param name="Q">Text in the number, seller name or buyer name.</param>
/// <param name="Page">1-based page number; default 1.</param>
/// <param name="PageSize">Items per page, 1 to 200; default 50.</param>
internal sealed record DocumentListParameters(
    [FromQuery(Name = "type")] string? Type,
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "binderId")] string? BinderId,
    [FromQuery(Name = "issuedFrom")] string? IssuedFrom,
    [FromQuery(Name = "issuedTo")] string? IssuedTo,
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "page")] string? Page,
    [FromQuery(Name = "pageSize")] string? PageSize)
{
    public DocumentQuery ToQuery(List<ValidationError> errors)
    {
        var (page, pageSize) = QueryValues.Paging(Page, PageSize, DocumentQuery.MaxPageSize, errors);
        return new()
        {
            Type = QueryValues.Enum<DocumentType>(Type, "type", errors, "invoice, creditNote, quote, order, deliveryNote, purchaseInvoice, purchaseCreditNote, receipt or other"),
            Status = QueryValues.Enum<DocumentStatus>(Status, "status", errors, "draft, final, sent, paid or cancelled"),
            BinderId = QueryValues.Guid(BinderId, "binderId", errors),
            IssuedFrom = QueryValues.Date(IssuedFrom, "issuedFrom", errors),
            IssuedTo = QueryValues.Date(IssuedTo, "issuedTo", errors),
            Search = Q,
            Page = page,
            PageSize = pageSize,
        };
    }
}
