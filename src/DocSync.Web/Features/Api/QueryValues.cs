using System.Globalization;
using DocSync.Core.Validation;

namespace DocSync.Web.Features.Api;

/// <summary>
/// Reads query-string values for the list endpoints, which take them as text: typed handler parameters
/// would refuse the API's own camelCase enum values (<c>type=creditNote</c>) and answer any bad value
/// with an empty 400. Every value that cannot be read adds an error naming its parameter.
/// </summary>
internal static class QueryValues
{
    public static T? Enum<T>(string? value, string field, List<ValidationError> errors, string expected)
        where T : struct, System.Enum =>
        Read<T>(value, field, errors, expected,
            v => !int.TryParse(v, out _) && System.Enum.TryParse<T>(v, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) ? parsed : null);

    public static Guid? Guid(string? value, string field, List<ValidationError> errors) =>
        Read<System.Guid>(value, field, errors, "an id (a GUID)", v => System.Guid.TryParse(v, out var id) ? id : null);

    public static DateOnly? Date(string? value, string field, List<ValidationError> errors) =>
        Read<DateOnly>(value, field, errors, "a date such as 2026-11-30",
            v => DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null);

    public static int? Int(string? value, string field, List<ValidationError> errors) =>
        Read<int>(value, field, errors, "a whole number",
            v => int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null);

    /// <summary>The page number and size, each defaulted when absent; a value out of range adds an error naming it (400, like a malformed one).</summary>
    public static (int Page, int PageSize) Paging(string? page, string? pageSize, int maxPageSize, List<ValidationError> errors)
    {
        var before = errors.Count;
        var (number, size) = (Int(page, "page", errors) ?? 1, Int(pageSize, "pageSize", errors) ?? 50);
        if (errors.Count == before)
        {
            errors.AddRange(Core.Paging.Check(number, size, maxPageSize));
        }

        return (number, size);
    }

    private static T? Read<T>(string? value, string field, List<ValidationError> errors, string expected, Func<string, T?> parse)
        where T : struct
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var parsed = parse(value);
        if (parsed is null)
        {
            errors.Add(new(field, "query-format", $"'{field}' is {expected}."));
        }

        return parsed;
    }
}
