using System.Globalization;

namespace DocSync.Core.Reading;

public sealed partial class DocumentReader
{
    // OpenMP threads busy-wait: with several recognitions side by side on a few cores, one thread
    // each is about twice as fast as tesseract's default. Concurrency comes from MaxConcurrency.
    private static readonly Dictionary<string, string> OneThread = new(StringComparer.Ordinal) { ["OMP_THREAD_LIMIT"] = "1" };

    private async Task<RawReading> ReadImageAsync(string input, CancellationToken cancellationToken)
    {
        var text = await RecognizeAsync(input, cancellationToken).ConfigureAwait(false);

        // Tesseract ends every page (a TIFF may have several) with a form feed.
        var pages = Math.Max(1, text.Count(c => c == '\f'));
        return new RawReading(ReadOutcome.Read, text, Ocr, pages, pages, null);
    }

    private async Task<RawReading> ReadHeicAsync(string input, string folder, CancellationToken cancellationToken)
    {
        if (!ToolRunner.Exists(_options.HeifConvertPath))
        {
            return RawReading.Stopped(ReadOutcome.Unsupported, "HEIC images need heif-convert (libheif-examples) on the server.");
        }

        var output = Path.Combine(folder, "photo.png");
        var converted = await _tools.RunAsync(_options.HeifConvertPath, [input, output], cancellationToken).ConfigureAwait(false);

        // A file with several images gives photo-1.png, photo-2.png…: the first is the main one.
        var image = File.Exists(output)
            ? output
            : Directory.GetFiles(folder, "photo*.png").Order(StringComparer.Ordinal).FirstOrDefault();
        if (converted.ExitCode != 0 || image is null)
        {
            throw new ReadingException(ReadOutcome.Corrupt, $"The HEIC image cannot be decoded ({Detail(converted)}).");
        }

        return await ReadImageAsync(image, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> RecognizeAsync(string image, CancellationToken cancellationToken)
    {
        var result = await _tools.RunAsync(_options.TesseractPath,
            [image, "stdout", "-l", _options.Languages, "--psm", "3"], cancellationToken, OneThread).ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            return result.Output;
        }

        // Leptonica reports images it cannot decode as "Error in pixRead…"; anything else is tesseract's own trouble.
        var outcome = result.Error.Contains("pixRead", StringComparison.Ordinal) ? ReadOutcome.Corrupt : ReadOutcome.Failed;
        throw new ReadingException(outcome, outcome == ReadOutcome.Corrupt
            ? $"The image is damaged and cannot be decoded ({Detail(result)})."
            : $"tesseract failed with exit code {result.ExitCode.ToString(CultureInfo.InvariantCulture)} ({Detail(result)}).");
    }
}
