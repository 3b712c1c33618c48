using DocSync.Core.Organizing;
using DocSync.Core.Validation;
using Microsoft.AspNetCore.Mvc;

namespace DocSync.Web.Features.Api;

/// <summary>The inbox list's query string, read by <see cref="QueryValues"/>.</summary>
/// <param name="Status">Only this status: <c>pending</c>, <c>processed</c> or <c>rejected</c>.</param>
/// <param name="BinderId">Only items bound for this binder (its id).</param>
/// <param name="Source">Only items from this source: <c>upload</c>, <c>api</c> or <c>collect</c>.</param>
/// <param name="Q">Words in the file name or the text read from the file (case and accents ignored).</param>
/// <param name="Duplicates"><c>true</c> for possible duplicates only; default <c>false</c>.</param>
/// <param name="Page">1-based page number; default 1.</param>
/// <param name="PageSize">Items per page, 1 to 200; default 50.</param>
internal sealed record InboxListParameters(
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "binderId")] string? BinderId,
    [FromQuery(Name = "source")] string? Source,
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "duplicates")] string? Duplicates,
    [FromQuery(Name = "page")] string? Page,
    [FromQuery(Name = "pageSize")] string? PageSize)
{
    public InboxQuery ToQuery(List<ValidationError> errors)
    {
        var (page, pageSize) = QueryValues.Paging(Page, PageSize, InboxQuery.MaxPageSize, errors);
        return new()
        {
            Status = QueryValues.Enum<InboxItemStatus>(Status, "status", errors, "pending, processed or rejected"),
            BinderId = QueryValues.Guid(BinderId, "binderId", errors),
            Source = QueryValues.Enum<InboxSource>(Source, "source", errors, "upload, api or collect"),
            Search = string.IsNullOrWhiteSpace(Q) ? null : Q,
            DuplicatesOnly = DuplicatesOnly(errors),
            Page = page,
            PageSize = pageSize,
        };
    }

    private bool DuplicatesOnly(List<ValidationError> errors)
    {
        if (string.IsNullOrEmpty(Duplicates) || Duplicates.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (Duplicates.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        errors.Add(new("duplicates", "query-format", "'duplicates' is true or false."));
        return false;
    }
}
