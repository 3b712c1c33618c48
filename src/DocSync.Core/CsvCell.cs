namespace DocSync.Core;

/// <summary>One CSV cell (RFC 4180), safe to open in a spreadsheet: a leading =, +, - or @ gets an apostrophe so it is never a formula.</summary>
internal static class CsvCell
{
    /// <summary>The cell for <paramref name="value"/>.</summary>
    public static string Of(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
