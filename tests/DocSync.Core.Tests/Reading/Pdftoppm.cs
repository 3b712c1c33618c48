using System.Diagnostics;
using System.Globalization;

namespace DocSync.Core.Tests.Reading;

/// <summary>Turns the first page of a PDF into a PNG, JPEG or TIFF "scan" with poppler's pdftoppm (test.sh installs poppler-utils).</summary>
public static class Pdftoppm
{
    public static async Task<byte[]> PageAsync(byte[] pdf, string format, int dpi, bool gray = false)
    {
        var folder = Directory.CreateTempSubdirectory("docsync-scan-");
        try
        {
            var input = Path.Combine(folder.FullName, "in.pdf");
            await File.WriteAllBytesAsync(input, pdf);
            var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in (string[])["-r", dpi.ToString(CultureInfo.InvariantCulture), "-" + format, "-f", "1", "-l", "1", "-singlefile"])
            {
                start.ArgumentList.Add(argument);
            }

            if (gray)
            {
                start.ArgumentList.Add("-gray");
            }

            start.ArgumentList.Add(input);
            start.ArgumentList.Add(Path.Combine(folder.FullName, "page"));
            using var process = Process.Start(start)!;
            var error = await process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            process.ExitCode.ShouldBe(0, error);
            return await File.ReadAllBytesAsync(Directory.GetFiles(folder.FullName, "page.*").ShouldHaveSingleItem());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
