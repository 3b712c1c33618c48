namespace DocSync.Core.Reading;

/// <summary>How a run of an external tool ended.</summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="Output">Its standard output (UTF-8).</param>
/// <param name="Error">Its standard error, at most a few kilobytes.</param>
internal sealed record ToolResult(int ExitCode, string Output, string Error)
{
    /// <summary>The first lines of <see cref="Error"/>, on one line, for a person to read; empty when there are none.</summary>
    public string ErrorSummary(int maxLength = 300)
    {
        var lines = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var text = string.Join(" ", lines);
        return text.Length <= maxLength ? text : text[..maxLength] + "…";
    }
}
