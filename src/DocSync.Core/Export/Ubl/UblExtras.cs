namespace DocSync.Core.Export.Ubl;

/// <summary>
/// Facts a Peppol document may need that a <see cref="Documents.DocumentContent"/> does not hold: Peppol addresses,
/// registration numbers and references. Everything is optional; <see cref="UblWriter.Write"/> derives what it can.
/// </summary>
public sealed record UblExtras
{
    /// <summary>No extras: everything is derived from the document.</summary>
    public static readonly UblExtras None = new();

    /// <summary>
    /// The seller's Peppol electronic address (BT-34). Default: derived from the seller's VAT number
    /// (see <see cref="UblWriter"/>).
    /// </summary>
    public UblIdentifier? SellerEndpoint { get; init; }

    /// <summary>The buyer's Peppol electronic address (BT-49). Default: derived from the buyer's VAT number.</summary>
    public UblIdentifier? BuyerEndpoint { get; init; }

    /// <summary>
    /// The seller's legal registration identifier (BT-30), e.g. <c>0106</c> KvK number for a Dutch seller. Default: the
    /// Belgian enterprise number (<c>0208</c>) for a Belgian VAT number, none otherwise.
    /// </summary>
    public UblIdentifier? SellerLegalId { get; init; }

    /// <summary>The buyer's legal registration identifier (BT-47). Default as for <see cref="SellerLegalId"/>.</summary>
    public UblIdentifier? BuyerLegalId { get; init; }

    /// <summary>
    /// The reference the buyer asked to quote (BT-10). Default: the document number, unless
    /// <see cref="OrderReference"/> is given (Peppol asks for one of the two).
    /// </summary>
    public string? BuyerReference { get; init; }

    /// <summary>The buyer's purchase order number (BT-13). Default: none.</summary>
    public string? OrderReference { get; init; }

    /// <summary>The invoice a credit note corrects (BT-25). Default: none; required for Dutch sellers' credit notes.</summary>
    public string? InvoiceReference { get; init; }

    /// <summary>The remittance information to quote with the payment (BT-83). Default: the document number.</summary>
    public string? PaymentReference { get; init; }

    /// <summary>
    /// Payment terms (BT-20). Default: none, except that an invoice with an amount due but no due date uses the
    /// document's note (Peppol asks for a due date or payment terms).
    /// </summary>
    public string? PaymentTerms { get; init; }

    /// <summary>
    /// Why lines at 0 % are exempt, e.g. "Bijzondere vrijstellingsregeling kleine ondernemingen". When given, 0 % lines
    /// are written in VAT category E (exempt) with this reason; by default they are category Z (zero rated).
    /// </summary>
    public string? VatExemptionReason { get; init; }
}
