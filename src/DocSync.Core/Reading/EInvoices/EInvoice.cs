using DocSync.Core.Documents;
using DocSync.Core.Export.Ubl;

namespace DocSync.Core.Reading.EInvoices;

/// <summary>
/// An e-invoice read exactly from its XML (no OCR): what it says as a <see cref="DocumentContent"/> and the
/// rules it breaks.
/// </summary>
/// <param name="Format">UBL or CII.</param>
/// <param name="Content">
/// What the invoice says, seen from its seller: type <see cref="DocumentType.Invoice"/> or
/// <see cref="DocumentType.CreditNote"/> (the reader of a purchase decides the purchase type), lines with their
/// quantities, unit prices and VAT rates, the VAT breakdown and totals computed from the lines as DocSync computes
/// them. Document-level allowances and charges become lines of their own, so the totals still add up. A VAT number
/// or IBAN that fails its check digits is left out (and reported in <paramref name="Notes"/>).
/// </param>
/// <param name="StatedTotal">The amount the invoice itself states as its total including VAT, if it states one.</param>
/// <param name="Violations">The EN 16931 / Peppol rules the XML breaks, by rule id; empty when it passes them all.</param>
/// <param name="Notes">What could not be carried over as it was, one sentence each (empty when everything was).</param>
/// <param name="AttachmentName">For an e-invoice found inside a PDF, the embedded file's name (e.g. <c>factur-x.xml</c>).</param>
public sealed record EInvoice(
    EInvoiceFormat Format,
    DocumentContent Content,
    decimal? StatedTotal,
    IReadOnlyList<UblViolation> Violations,
    IReadOnlyList<string> Notes,
    string? AttachmentName = null)
{
    /// <summary>The invoice's number.</summary>
    public string Number => Content.Number;

    /// <summary>Whether it is a credit note.</summary>
    public bool IsCreditNote => Content.Type == DocumentType.CreditNote;
}
