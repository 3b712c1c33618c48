using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using DocSync.Core.Rendering;
using DocSync.Export.Bench;

namespace DocSync.Collect.Bench;

/// <summary>
/// The files dropped: every one a distinct invoice or credit note (<see cref="InvoiceFactory"/>, its
/// own number), rendered by <see cref="DocumentPdfRenderer"/> in English. A text PDF is the rendering
/// itself; a scan is that rendering rasterised by <c>pdftoppm -r 150 -png</c>, one rasterisation per
/// file (nothing shared, so OCR sees as many different pages as there are scans).
/// </summary>
internal sealed class SampleFiles(DocumentPdfRenderer renderer) : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("docsync-collect-bench-");

    /// <summary>File <paramref name="index"/> of <paramref name="series"/> (a letter keeping the sets of each phase apart).</summary>
    public SampleFile TextPdf(string series, int index)
    {
        var content = InvoiceFactory.Create(index, series);
        var pdf = renderer.Render(content, "en");
        return new SampleFile($"{series}-{index:D6}.pdf", SampleKind.TextPdf, pdf, content.Number, Sha256(pdf));
    }

    public async Task<SampleFile> ScanAsync(string series, int index, CancellationToken cancellationToken = default)
    {
        var content = InvoiceFactory.Create(index, series);
        var name = $"{series}-{index:D6}";
        var input = Path.Combine(_work.FullName, name + ".pdf");
        var output = Path.Combine(_work.FullName, name);
        await File.WriteAllBytesAsync(input, renderer.Render(content, "en"), cancellationToken);
        try
        {
            var info = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true };
            foreach (var arg in new[] { "-r", "150", "-png", "-singlefile", input, output })
            {
                info.ArgumentList.Add(arg);
            }
            using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start pdftoppm (poppler-utils).");
            var error = await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"pdftoppm failed ({process.ExitCode.ToString(CultureInfo.InvariantCulture)}): {error}");
            }
            var png = await File.ReadAllBytesAsync(output + ".png", cancellationToken);
            return new SampleFile(name + ".png", SampleKind.Scan, png, content.Number, Sha256(png));
        }
        finally
        {
            File.Delete(input);
            File.Delete(output + ".png");
        }
    }

    /// <summary>
    /// <paramref name="count"/> files of <paramref name="series"/>, <paramref name="scanPercent"/> % of them
    /// (rounded down) scans spread evenly among the text PDFs (at 50 %, odd indexes), the scans
    /// rasterised a few at a time (one per core).
    /// </summary>
    public async Task<IReadOnlyList<SampleFile>> MixAsync(string series, int count, int scanPercent)
    {
        var files = new SampleFile[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (i, token) => files[i] = (i + 1) * scanPercent / 100 > i * scanPercent / 100 ? await ScanAsync(series, i, token) : TextPdf(series, i));
        return files;
    }

    public void Dispose() => _work.Delete(recursive: true);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
