using DocSync.Core.Organizing;
using DocSync.Core.Validation;
using Microsoft.AspNetCore.Mvc;

namespace DocSync.Web.Features.Api;

/// <summary>The inbox list's query string, read by <see cref="QueryValues"/>.</summary>
/// <param name="Status">Only this status: <c>pending</c>, <c>processed</c> or <c>rejected</c>.</param>
/// <param name="BinderId">Only items bound for this binder (its id).</param>
/// <param name="Page">1-based page number; default 1.</param>
/// <param name="PageSize">Items per page, 1 to 200; default 50.</param>
internal sealed record InboxListParameters(
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "binderId")] string? BinderId,
    [FromQuery(Name = "page")] string? Page,
    [FromQuery(Name = "pageSize")] string? PageSize)
{
    public InboxQuery ToQuery(List<ValidationError> errors) => new()
    {
        Status = QueryValues.Enum<InboxItemStatus>(Status, "status", errors, "pending, processed or rejected"),
        BinderId = QueryValues.Guid(BinderId, "binderId", errors),
        Page = QueryValues.Int(Page, "page", errors) ?? 1,
        PageSize = QueryValues.Int(PageSize, "pageSize", errors) ?? 50,
    };
}
