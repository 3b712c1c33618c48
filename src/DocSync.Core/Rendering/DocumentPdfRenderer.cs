using System.Text;
using DocSync.Core.Documents;

namespace DocSync.Core.Rendering;

/// <summary>
/// Renders a <see cref="DocumentContent"/> as an A4 PDF: title, number and dates, seller and buyer,
/// the lines (repeating the table header on every page), the VAT breakdown, the totals and the
/// note, with "page n / m" at the foot of each page. Labels are English, Dutch or French; amounts
/// are formatted for the language. Uses only the PDF standard fonts (nothing embedded, no font files
/// needed), so text is limited to Windows code page 1252: other characters print as <c>?</c>. The
/// same content and the same clock give the same bytes. Thread-safe.
/// </summary>
/// <param name="time">The clock stamped into the file as its creation date.</param>
public sealed class DocumentPdfRenderer(TimeProvider time)
{
    /// <summary>The media type of what <see cref="Render"/> returns.</summary>
    public const string ContentType = "application/pdf";

    /// <summary>The languages documents render in: <c>en</c>, <c>nl</c> and <c>fr</c>.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "nl", "fr"];

    /// <summary>
    /// Renders <paramref name="content"/>. Throws <see cref="ArgumentException"/> for a language
    /// other than those in <see cref="Languages"/>.
    /// </summary>
    /// <param name="content">The document; it need not be valid, any text renders without breaking the file.</param>
    /// <param name="language"><c>en</c>, <c>nl</c> or <c>fr</c> (any case); <see langword="null"/> for <see cref="DefaultLanguage"/>.</param>
    public byte[] Render(DocumentContent content, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var labels = (language ?? DefaultLanguage(content)).ToLowerInvariant() switch
        {
            "en" => DocumentLabels.English,
            "nl" => DocumentLabels.Dutch,
            "fr" => DocumentLabels.French,
            _ => throw new ArgumentException($"DocSync renders documents in {string.Join(", ", Languages)}, not '{language}'.", nameof(language)),
        };
        var pages = new DocumentPdfLayout(content, labels, new DocumentFormat(labels.Language, content.Currency ?? "")).Build();
        return PdfWriter.Write(pages, $"{labels.Title(content.Type)} {content.Number}", time.GetUtcNow());
    }

    /// <summary>
    /// The language a document renders in when none is asked for, from the buyer's country (the
    /// seller's when there is no buyer or the buyer's address has no country): <c>fr</c> for France
    /// and Luxembourg, <c>nl</c> for the Netherlands and Belgium, <c>en</c> for anything else.
    /// Belgium is bilingual; Dutch is the default because most Belgian businesses write in Dutch,
    /// and a host that knows better passes the language.
    /// </summary>
    /// <param name="content">The document.</param>
    public static string DefaultLanguage(DocumentContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var country = content.Buyer?.Address?.Country ?? content.Seller?.Address?.Country;
        return country?.Trim().ToUpperInvariant() switch
        {
            "FR" or "LU" => "fr",
            "NL" or "BE" => "nl",
            _ => "en",
        };
    }

    /// <summary>
    /// The file name of a rendered PDF: the document number with every character other than a
    /// letter, a digit, <c>-</c>, <c>_</c> or <c>.</c> replaced by <c>-</c>, leading dots dropped,
    /// then <c>.pdf</c> (<c>document.pdf</c> when nothing is left), e.g. <c>F2025/0042</c> →
    /// <c>F2025-0042.pdf</c>.
    /// </summary>
    /// <param name="number">The document number.</param>
    public static string FileName(string? number)
    {
        var text = number ?? "";
        if (!text.EnumerateRunes().Any(r => r == Rune.ReplacementChar))
        {
            // Composed first, so "e" + combining acute stays one letter.
            text = text.Normalize();
        }

        var name = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            name.Append(Rune.IsLetterOrDigit(rune) || rune.Value is '-' or '_' or '.' ? rune.ToString() : "-");
        }

        var safe = name.ToString().TrimStart('.');
        return (safe.Trim('-', '.').Length == 0 ? "document" : safe) + ".pdf";
    }
}
