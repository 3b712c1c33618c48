using System.Text.RegularExpressions;
using DocSync.Core.Validation;

namespace DocSync.Web.Errors;

/// <summary>
/// Names the parameter of a request ASP.NET Core could not bind (a query value of the wrong type, a
/// required one missing). Every API route's typed parameters fail the same way, so one reading here
/// gives every route a problem naming the parameter instead of an empty 400.
/// </summary>
internal static partial class BindingErrors
{
    /// <summary>The error naming the parameter, or <see langword="null"/> when the exception is no binding failure.</summary>
    public static ValidationError? Describe(BadHttpRequestException exception)
    {
        // The framework's messages: 'Failed to bind parameter "Guid? binderId" from "junk".' and
        // 'Required parameter "int page" was not provided from query string.'
        if (Failed().Match(exception.Message) is { Success: true } failed)
        {
            var name = failed.Groups["name"].Value;
            return new(name, "query-format", $"'{name}' has the wrong format: {failed.Groups["type"].Value.TrimEnd('?').ToLowerInvariant() switch
            {
                "guid" => "an id (a GUID)",
                "int" or "int32" or "long" or "int64" => "a whole number",
                "dateonly" => "a date such as 2026-11-30",
                "bool" or "boolean" => "true or false",
                _ => "see /api/docs",
            }} is expected.");
        }

        if (Missing().Match(exception.Message) is { Success: true } missing)
        {
            var name = missing.Groups["name"].Value;
            return new(name, "required", $"'{name}' is required.");
        }

        return null;
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^" ]+) (?<name>[^" ]+)" from""", RegexOptions.CultureInvariant)]
    private static partial Regex Failed();

    [GeneratedRegex("""^Required parameter "(?<type>[^" ]+) (?<name>[^" ]+)" was not provided""", RegexOptions.CultureInvariant)]
    private static partial Regex Missing();
}
