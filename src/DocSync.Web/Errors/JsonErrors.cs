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

    public static ValidationError ToError(JsonException error) => new(Field(error), "json", Describe(error));
}
