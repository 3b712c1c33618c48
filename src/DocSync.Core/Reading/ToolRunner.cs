using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;

namespace DocSync.Core.Reading;

/// <summary>
/// Runs external tools (tesseract, pdftoppm, heif-convert) directly, never through a shell, with
/// their arguments passed one by one; at most a given number at once; each stopped, with its
/// child processes, when it runs longer than the timeout.
/// </summary>
internal sealed class ToolRunner(int maxConcurrency, TimeSpan timeout, ILogger logger)
{
    private const int MaxErrorChars = 4096;

    private readonly SemaphoreSlim _slots = new(maxConcurrency, maxConcurrency);

    /// <summary>
    /// Runs <paramref name="tool"/> and returns how it ended, whatever its exit code. Throws
    /// <see cref="ReadingException"/> (<see cref="ReadOutcome.Failed"/>) when it cannot be started or times out, and
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async Task<ToolResult> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunNowAsync(tool, arguments, environment, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Whether <paramref name="tool"/> names an existing file, directly or found on <c>PATH</c>.</summary>
    public static bool Exists(string tool)
    {
        if (tool.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(tool);
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, tool)));
    }

    private async Task<ToolResult> RunNowAsync(string tool, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (variable, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[variable] = value;
        }

        var name = Path.GetFileName(tool);
        var began = Stopwatch.GetTimestamp();
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            ReadingLog.ToolMissing(logger, name, e.Message);
            throw new ReadingException(ReadOutcome.Failed, $"{name} could not be started ({e.Message}); is it installed on the server?", e);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = ReadLimitedAsync(process.StandardError);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The tool may have started helpers of its own: stop them all, then let the pipes close.
            Stop(process);
            await Task.WhenAll(output, error).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            ReadingLog.ToolTimedOut(logger, name, timeout);
            throw new ReadingException(ReadOutcome.Failed, $"{name} took longer than {timeout} ({ReadingOptions.Section}:Timeout) and was stopped.");
        }

        var result = new ToolResult(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
        var elapsed = (long)Stopwatch.GetElapsedTime(began).TotalMilliseconds;
        if (result.ExitCode != 0)
        {
            ReadingLog.ToolFailed(logger, name, result.ExitCode, elapsed);
        }
        else
        {
            ReadingLog.ToolRan(logger, name, elapsed);
        }

        return result;
    }

    private static void Stop(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own meanwhile.
        }
    }

    // Keeps the first few kilobytes of a stream and drains the rest, so a chatty tool never blocks on a full pipe.
    private static async Task<string> ReadLimitedAsync(StreamReader reader)
    {
        var kept = new StringBuilder();
        var buffer = new char[1024];
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            if (kept.Length < MaxErrorChars)
            {
                kept.Append(buffer, 0, Math.Min(read, MaxErrorChars - kept.Length));
            }
        }

        return kept.ToString();
    }
}
