using System.Diagnostics;

namespace DocSync.Core.Tests.Rendering;

/// <summary>Runs poppler-utils (Debian's pdftotext and pdfinfo; test.sh installs them) on PDF bytes.</summary>
public static class Poppler
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>pdftotext's text (UTF-8), with every kind of space as a plain space.</summary>
    public static async Task<Result> TextAsync(byte[] pdf, params string[] options)
    {
        var result = await RunAsync("pdftotext", pdf, [.. options, "-enc", "UTF-8"], toStdout: true);
        return result with { Output = result.Output.Replace('\u00A0', ' ').Replace('\u202F', ' ') };
    }

    /// <summary>pdfinfo's report (ISO dates).</summary>
    public static Task<Result> InfoAsync(byte[] pdf) => RunAsync("pdfinfo", pdf, ["-isodates"], toStdout: false);

    private static async Task<Result> RunAsync(string tool, byte[] pdf, string[] options, bool toStdout)
    {
        var path = Path.Combine(Path.GetTempPath(), $"docsync-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var start = new ProcessStartInfo($"/usr/bin/{tool}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var option in options)
            {
                start.ArgumentList.Add(option);
            }

            start.ArgumentList.Add(path);
            if (toStdout)
            {
                start.ArgumentList.Add("-");
            }

            if (!File.Exists(start.FileName))
            {
                throw new InvalidOperationException($"{start.FileName} is missing: install Debian's poppler-utils (test.sh does).");
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            return new Result(process.ExitCode, await output, await error);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
