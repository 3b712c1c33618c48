using System.Text;
using System.Xml;
using System.Xml.Linq;
using DocSync.Core.Documents;

namespace DocSync.Core.Export.Ubl;

/// <summary>
/// Writes invoices and credit notes as UBL 2.1 following Peppol BIS Billing 3.0.
/// </summary>
/// <remarks>
/// <para><b>VAT categories.</b> A positive rate is <c>S</c> (standard rated). A 0 % rate is <c>Z</c> (zero rated), or
/// <c>E</c> (exempt) with <see cref="UblExtras.VatExemptionReason"/> as its reason when one is given: DocSync does not
/// record why a line is at 0 %, and Z is the only 0 % category that needs no reason. A seller without a VAT number
/// whose lines are all at 0 % writes <c>O</c> (not subject to VAT, VATEX-EU-O) and then no VAT number at all, as
/// BR-O-02 requires. Intra-community (K), export (G) and reverse-charge (AE) supplies are not told apart.</para>
/// <para><b>Signs.</b> A credit note whose total is negative (the credit written as negative amounts) is written
/// with every quantity negated, so its amounts are positive: the type code 381 already says "credit". A credit note
/// with a positive total is written as it is. An invoice keeps its signs, so a negative invoice stays negative
/// (Peppol allows it). A negative unit price moves its sign to the quantity (BR-27).</para>
/// <para><b>Peppol addresses.</b> A Belgian VAT number gives the enterprise number under scheme 0208 (also written
/// as the party's legal registration identifier); another VAT number gives its country's VAT scheme from the EAS list
/// (e.g. 9944 Netherlands, 9957 France, 9930 Germany) with the VAT number as the value.
/// <see cref="UblExtras.SellerEndpoint"/> and <see cref="UblExtras.BuyerEndpoint"/> override that, e.g. for a Dutch
/// party registered under its KvK number (0106).</para>
/// <para><b>Payment.</b> A seller with an IBAN gets payment means 58 (SEPA credit transfer) for EUR to a SEPA
/// country, 30 (credit transfer) otherwise, with the document number as remittance information. A credit note's due
/// date goes to <c>cac:PaymentMeans/cbc:PaymentDueDate</c> when there are payment means, and is left out otherwise.</para>
/// <para><b>References.</b> Peppol asks for a buyer reference or an order reference (PEPPOL-EN16931-R003): the
/// document number stands in as buyer reference when <see cref="UblExtras"/> gives neither.</para>
/// <para>Refused (with a <see cref="UblException"/>): types other than invoices and credit notes, documents that
/// <see cref="Validation.DocumentValidator"/> rejects, parties without country or Peppol address, a seller without
/// VAT number on a document that charges VAT, Dutch documents missing what NL-R-001..007 ask, documents between two
/// German parties, and sellers in countries whose national rules need data DocSync lacks (DK, GR, IS, IT, NO, SE).</para>
/// </remarks>
public static partial class UblWriter
{
    /// <summary>Whether documents of <paramref name="type"/> have a UBL form: invoices and credit notes.</summary>
    /// <param name="type">The document type.</param>
    public static bool Supports(DocumentType type) => type is DocumentType.Invoice or DocumentType.CreditNote;

    /// <summary>
    /// The UBL of one document version, as UTF-8 without byte order mark. Deterministic: the same input gives the
    /// same bytes (nothing depends on the clock, the culture or the machine).
    /// </summary>
    /// <param name="content">The document.</param>
    /// <param name="extras">Peppol facts the document does not hold; <see langword="null"/> for none.</param>
    /// <exception cref="UblException">The document cannot make a valid Peppol BIS Billing 3.0 document.</exception>
    public static byte[] Write(DocumentContent content, UblExtras? extras = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var plan = UblPlanner.Plan(content, extras ?? UblExtras.None);
        return Serialize(Build(plan));
    }

    private static byte[] Serialize(XDocument document)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            document.Save(writer);
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static XDocument Build(UblPlan plan)
    {
        var root = plan.IsCreditNote ? UblNames.CreditNote + "CreditNote" : UblNames.Invoice + "Invoice";
        return new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(
                root,
                new XAttribute(XNamespace.Xmlns + "cac", UblNames.Cac),
                new XAttribute(XNamespace.Xmlns + "cbc", UblNames.Cbc),
                Cbc("CustomizationID", UblNames.CustomizationId),
                Cbc("ProfileID", UblNames.ProfileId),
                Cbc("ID", plan.Number),
                Cbc("IssueDate", UblText.Date(plan.IssueDate)),
                plan.IsCreditNote ? null : Cbc("DueDate", plan.DueDate is { } due ? UblText.Date(due) : null),
                Cbc(plan.IsCreditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode", plan.IsCreditNote ? UblNames.CreditNoteTypeCode : UblNames.InvoiceTypeCode),
                Cbc("Note", plan.Note),
                Cbc("DocumentCurrencyCode", plan.Currency),
                Cbc("BuyerReference", plan.BuyerReference),
                plan.OrderReference is null ? null : Cac("OrderReference", Cbc("ID", plan.OrderReference)),
                plan.InvoiceReference is null ? null : Cac("BillingReference", Cac("InvoiceDocumentReference", Cbc("ID", plan.InvoiceReference))),
                Cac("AccountingSupplierParty", Party(plan.Seller)),
                Cac("AccountingCustomerParty", Party(plan.Buyer)),
                PaymentMeans(plan),
                plan.PaymentTerms is null ? null : Cac("PaymentTerms", Cbc("Note", plan.PaymentTerms)),
                TaxTotal(plan),
                MonetaryTotal(plan),
                plan.Lines.Select(line => Line(plan, line))));
    }

    private static XElement? PaymentMeans(UblPlan plan) => plan.Payment is not { } payment
        ? null
        : Cac(
            "PaymentMeans",
            Cbc("PaymentMeansCode", payment.MeansCode),
            plan.IsCreditNote && plan.DueDate is { } due ? Cbc("PaymentDueDate", UblText.Date(due)) : null,
            Cbc("PaymentID", payment.PaymentId),
            Cac("PayeeFinancialAccount", Cbc("ID", payment.Iban)));

    /// <summary>A <c>cbc:</c> element, or <see langword="null"/> (left out) when it would be empty (PEPPOL-EN16931-R008).</summary>
    private static XElement? Cbc(string name, string? value) => value is null ? null : new XElement(UblNames.Cbc + name, value);

    private static XElement Cac(string name, params object?[] content) => new(UblNames.Cac + name, content);

    private static XElement Amount(string name, decimal value, string currency) =>
        new(UblNames.Cbc + name, new XAttribute("currencyID", currency), UblText.Amount(value));
}
