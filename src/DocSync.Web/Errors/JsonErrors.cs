using System.Text.Json;
using DocSync.Core.Validation;

namespace DocSync.Web.Errors;

/// <summary>Turns a JSON reading error into a message naming the field (JSON path without the leading <c>$.</c>).</summary>
internal static class JsonErrors
{
    public static string Field(JsonException error) =>
        error.Path is null or "$" ? "body" : error.Path.StartsWith("$.", StringComparison.Ordinal) ? error.Path[2..] : error.Path.TrimStart('$');

    public static string Describe(JsonException error)
    {
        // System.Text.Json messages mention .NET type names; keep the part a caller can act on.
        var message = error.Message;
        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var start = message.IndexOf("including:", StringComparison.Ordinal);
            var names = start < 0 ? "" : message[(start + "including:".Length)..].Split('.')[0].Trim();
            return $"Required field{(names.Contains(',', StringComparison.Ordinal) ? "s" : "")} missing at '{Field(error)}': {names}.";
        }

        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return $"Unknown field '{Field(error)}'.";
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return $"The value at '{Field(error)}' has the wrong type or format.";
        }

        return $"The body is not valid JSON (at '{Field(error)}').";
    }

    /// <summary>One error per missing required property, named by its own path; otherwise one error at the path.</summary>
    public static IReadOnlyList<ValidationError> ToErrors(JsonException error)
    {
        var missing = MissingProperties(error);
        if (missing.Count == 0)
        {
            return [new(Field(error), "json", Describe(error))];
        }

        var parent = Field(error);
        return missing.Select(name => new ValidationError(parent == "body" ? name : $"{parent}.{name}", "required", $"The field '{name}' is required.")).ToList();
    }

    private static List<string> MissingProperties(JsonException error)
    {
        // "... was missing required properties including: 'number', 'seller'."
        var start = error.Message.IndexOf("missing required properties including:", StringComparison.Ordinal);
        return start < 0
            ? []
            : error.Message[(start + "missing required properties including:".Length)..].TrimEnd('.', ' ')
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => n.Trim('\'', '"'))
                .Where(n => n.Length > 0)
                .ToList();
    }
}
