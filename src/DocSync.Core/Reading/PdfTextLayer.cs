using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace DocSync.Core.Reading;

/// <summary>The text a PDF carries itself, page by page, read with PdfPig.</summary>
/// <param name="PageCount">How many pages the PDF has.</param>
/// <param name="Pages">
/// The text of the first pages (at most the limit asked for), in content order; <see langword="null"/>
/// for a page whose text layer is too thin to trust (see <see cref="MinCharacters"/>), which needs OCR.
/// </param>
internal sealed record PdfTextLayer(int PageCount, IReadOnlyList<string?> Pages)
{
    /// <summary>The e-invoice the PDF carries as an attachment (Factur-X, ZUGFeRD, UBL), if any.</summary>
    public EInvoices.EInvoice? EInvoice { get; init; }

    /// <summary>
    /// The fewest letters and digits a page's text layer needs to be used as it is. Fewer means a
    /// scan, perhaps with a stamp such as "Scanned by CamScanner" (19), a page number or a
    /// watermark; such pages are recognized from their image instead.
    /// </summary>
    public const int MinCharacters = 32;

    /// <summary>
    /// Opens the PDF at <paramref name="path"/> and takes the text of its first
    /// <paramref name="maxPages"/> pages. Throws PdfPig's exceptions when it cannot open the file:
    /// <see cref="UglyToad.PdfPig.Exceptions.PdfDocumentEncryptedException"/> when it needs a password.
    /// A page whose text cannot be taken is left to OCR.
    /// </summary>
    public static PdfTextLayer Read(string path, int maxPages, CancellationToken cancellationToken)
    {
        using var document = PdfDocument.Open(path, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        var count = document.NumberOfPages;
        var pages = new List<string?>();
        for (var number = 1; number <= Math.Min(count, maxPages); number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            pages.Add(PageText(document, number));
        }

        return new PdfTextLayer(count, pages) { EInvoice = AttachedEInvoice(document) };
    }

    // An attachment that cannot be read is no reason to give up on the PDF itself.
    private static EInvoices.EInvoice? AttachedEInvoice(PdfDocument document)
    {
        try
        {
            return EInvoices.EInvoiceReader.FromPdf(document);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static string? PageText(PdfDocument document, int number)
    {
        string text;
        try
        {
            text = ContentOrderTextExtractor.GetText(document.GetPage(number));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One unreadable page is no reason to give up on the others: poppler may still render it.
            return null;
        }

        // Fonts without a Unicode map give control characters or private-use glyphs: they are not text.
        var clean = new string([.. text.Select(c => char.IsControl(c) && c is not ('\n' or '\t') ? ' ' : c)]);
        var meaningful = clean.Count(char.IsLetterOrDigit);
        var visible = clean.Count(c => !char.IsWhiteSpace(c));
        return meaningful >= MinCharacters && meaningful * 2 >= visible ? clean : null;
    }
}
