namespace DocSync.Core.Reading;

/// <summary>What <see cref="DocumentReader.ReadAsync"/> made of a file.</summary>
/// <param name="Outcome">How reading ended.</param>
/// <param name="Text">
/// The text, pages separated by a blank line; empty unless <see cref="ReadOutcome.Read"/> or
/// <see cref="ReadOutcome.TooManyPages"/>. Business data: never log it.
/// </param>
/// <param name="Method">
/// <c>e-invoice</c> when the fields were read from an e-invoice's XML (a UBL or CII file, or one embedded in
/// the PDF), <c>text-layer</c> when all the text came from the PDF's own text, <c>ocr</c> when any of it was
/// recognized from an image (scans, photos, image-only PDF pages), <c>none</c> when nothing was read.
/// </param>
/// <param name="Pages">The pages read (for a PDF at most <see cref="ReadingOptions.MaxPages"/>); 0 when none were.</param>
/// <param name="Language">The language the text is most likely in, <c>en</c>, <c>fr</c> or <c>nl</c>; <see langword="null"/> when unclear.</param>
/// <param name="Fields">The fields found in the text (<see cref="ExtractedFields.None"/> when there is none).</param>
/// <param name="Problem">
/// A sentence for a person saying what went wrong, when the outcome is not <see cref="ReadOutcome.Read"/>;
/// <see langword="null"/> otherwise.
/// </param>
/// <param name="Duration">How long reading took.</param>
public sealed record ReadResult(
    ReadOutcome Outcome,
    string Text,
    string Method,
    int Pages,
    string? Language,
    ExtractedFields Fields,
    string? Problem,
    TimeSpan Duration)
{
    /// <summary>
    /// The e-invoice the file is (UBL or CII XML) or carries (a PDF with a Factur-X, ZUGFeRD or UBL attachment),
    /// read exactly from its XML, with the rules it breaks; <see langword="null"/> for other files. When set,
    /// <see cref="Fields"/> come from it, each with confidence 1.
    /// </summary>
    public EInvoices.EInvoice? EInvoice { get; init; }
}
