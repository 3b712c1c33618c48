using System.Globalization;
using UglyToad.PdfPig.Exceptions;

namespace DocSync.Core.Reading;

public sealed partial class DocumentReader
{
    // A PDF: its text layer where a page has one, OCR of the rendered page where it has not.
    private async Task<RawReading> ReadPdfAsync(string input, string folder, CancellationToken cancellationToken)
    {
        PdfTextLayer layer;
        try
        {
            layer = PdfTextLayer.Read(input, _options.MaxPages, cancellationToken);
        }
        catch (PdfDocumentEncryptedException e)
        {
            ReadingLog.PdfUnreadable(_logger, e.GetType().Name);
            return RawReading.Stopped(ReadOutcome.PasswordProtected,
                "The PDF is protected by a password, so DocSync cannot open it.");
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            ReadingLog.PdfUnreadable(_logger, e.GetType().Name);
            return RawReading.Stopped(ReadOutcome.Corrupt, $"The PDF is damaged: {Sentence(e.Message)}");
        }

        if (layer.Pages.Count == 0)
        {
            return RawReading.Stopped(ReadOutcome.Corrupt, "The PDF is damaged: it has no pages.");
        }

        var texts = layer.Pages.ToArray();
        if (layer.EInvoice is { } invoice)
        {
            // The attached XML says exactly what the pages show: no page needs recognizing.
            var shown = string.Join("\n\n", texts.Where(t => t is not null));
            return new RawReading(layer.PageCount > texts.Length ? ReadOutcome.TooManyPages : ReadOutcome.Read,
                ReadText.HasWords(ReadText.Clean(shown)) ? shown : EInvoices.EInvoiceReader.Text(invoice), EInvoiceMethod, texts.Length, layer.PageCount, null)
            {
                EInvoice = invoice,
            };
        }

        var scanned = Enumerable.Range(0, texts.Length).Where(i => texts[i] is null).ToList();
        if (scanned.Count > 0)
        {
            // Pages are recognized side by side (the runner bounds how many tools run); the first failure stops the rest.
            using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var pages = scanned.Select(async i =>
            {
                try
                {
                    return await OcrPdfPageAsync(input, i + 1, folder, failed.Token).ConfigureAwait(false);
                }
                catch
                {
                    await failed.CancelAsync().ConfigureAwait(false);
                    throw;
                }
            }).ToList();

            // The pages cancelled by a failure end as cancelled, so the failure is what this throws.
            var recognized = await Task.WhenAll(pages).ConfigureAwait(false);
            for (var k = 0; k < scanned.Count; k++)
            {
                texts[scanned[k]] = recognized[k];
            }
        }

        var text = string.Join("\n\n", texts);
        var outcome = layer.PageCount > texts.Length ? ReadOutcome.TooManyPages : ReadOutcome.Read;
        return new RawReading(outcome, text, scanned.Count == 0 ? TextLayer : Ocr, texts.Length, layer.PageCount, null);
    }

    private async Task<string> OcrPdfPageAsync(string input, int page, string folder, CancellationToken cancellationToken)
    {
        var number = page.ToString(CultureInfo.InvariantCulture);
        var prefix = Path.Combine(folder, "page-" + number);
        var rendered = await _tools.RunAsync(_options.PdftoppmPath,
        [
            "-r", _options.Dpi.ToString(CultureInfo.InvariantCulture), "-png", "-f", number, "-l", number, "-singlefile", input, prefix,
        ], cancellationToken).ConfigureAwait(false);
        var image = prefix + ".png";
        try
        {
            if (rendered.ExitCode != 0 || !File.Exists(image))
            {
                throw rendered.Error.Contains("password", StringComparison.OrdinalIgnoreCase)
                    ? new ReadingException(ReadOutcome.PasswordProtected, "The PDF is protected by a password, so DocSync cannot open it.")
                    : new ReadingException(rendered.ExitCode is 1 or 0 ? ReadOutcome.Corrupt : ReadOutcome.Failed,
                        $"The PDF is damaged: page {number} cannot be rendered ({Detail(rendered)}).");
            }

            return await RecognizeAsync(image, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Rendered pages are large: each goes as soon as it is read.
            File.Delete(image);
        }
    }

    private static string Sentence(string message)
    {
        var text = message.Trim();
        return text.Length == 0 ? "it cannot be parsed." : text.EndsWith('.') ? text : text + ".";
    }

    private static string Detail(ToolResult result)
    {
        var summary = result.ErrorSummary();
        return summary.Length == 0 ? $"exit code {result.ExitCode}" : summary;
    }
}
