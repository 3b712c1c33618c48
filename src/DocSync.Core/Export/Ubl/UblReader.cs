using System.Globalization;
using System.Xml.Linq;
using DocSync.Core.Reading.EInvoices;

namespace DocSync.Core.Export.Ubl;

/// <summary>
/// Reads a UBL 2.1 invoice or credit note (as <see cref="UblWriter"/> writes them, and as any Peppol BIS Billing 3.0
/// sender does) back into a <see cref="Documents.DocumentContent"/>, and checks it with <see cref="UblRules"/>. The
/// inverse of the writer: DocSync's own UBL reads back to the document it was written from (a credit note written
/// with negative amounts reads back with positive ones, as the writer mirrors it).
/// </summary>
public static class UblReader
{
    /// <summary>Reads a parsed UBL document (root <c>Invoice</c> or <c>CreditNote</c> in the UBL 2.1 namespace).</summary>
    /// <param name="ubl">The document; parse untrusted bytes with <see cref="EInvoiceReader.Load"/>.</param>
    /// <exception cref="ArgumentException">The root is not a UBL invoice or credit note.</exception>
    public static EInvoice Read(XDocument ubl)
    {
        ArgumentNullException.ThrowIfNull(ubl);
        var root = ubl.Root;
        var isCreditNote = root?.Name == UblNames.CreditNote + "CreditNote";
        if (root is null || (!isCreditNote && root.Name != UblNames.Invoice + "Invoice"))
        {
            throw new ArgumentException("The root element is not a UBL 2.1 Invoice or CreditNote.", nameof(ubl));
        }

        var payment = root.Elements(Cac("PaymentMeans")).ToList();
        var notes = root.Elements(Cbc("Note")).Select(n => EInvoiceParts.Clean(n.Value)).OfType<string>().ToList();
        var terms = EInvoiceParts.Clean(root.Element(Cac("PaymentTerms"))?.Element(Cbc("Note"))?.Value);
        if (terms is not null && !notes.Contains(terms))
        {
            notes.Add(terms);
        }

        var parts = new EInvoiceParts
        {
            IsCreditNote = isCreditNote,
            Number = Text(root.Element(Cbc("ID"))),
            IssueDate = Date(root.Element(Cbc("IssueDate"))),
            DueDate = Date(root.Element(Cbc("DueDate"))) ?? payment.Select(p => Date(p.Element(Cbc("PaymentDueDate")))).FirstOrDefault(d => d is not null),
            Currency = Text(root.Element(Cbc("DocumentCurrencyCode"))),
            Note = notes.Count == 0 ? null : string.Join("\n", notes),
            Seller = Party(root.Element(Cac("AccountingSupplierParty"))?.Element(Cac("Party"))),
            Buyer = root.Element(Cac("AccountingCustomerParty"))?.Element(Cac("Party")) is { } buyer ? Party(buyer) : null,
            SellerIban = payment.Select(p => Text(p.Element(Cac("PayeeFinancialAccount"))?.Element(Cbc("ID")))).FirstOrDefault(i => i is not null),
            StatedTotal = EInvoiceParts.ParseDecimal(root.Element(Cac("LegalMonetaryTotal"))?.Element(Cbc("TaxInclusiveAmount"))?.Value),
        };

        var lineName = isCreditNote ? "CreditNoteLine" : "InvoiceLine";
        var quantityName = isCreditNote ? "CreditedQuantity" : "InvoicedQuantity";
        foreach (var line in root.Elements(Cac(lineName)))
        {
            var item = line.Element(Cac("Item"));
            var price = line.Element(Cac("Price"));
            var unitPrice = EInvoiceParts.ParseDecimal(price?.Element(Cbc("PriceAmount"))?.Value);
            var baseQuantity = EInvoiceParts.ParseDecimal(price?.Element(Cbc("BaseQuantity"))?.Value);
            if (unitPrice is { } p && baseQuantity is { } b && b != 0 && b != 1)
            {
                unitPrice = p / b;
            }

            parts.Lines.Add(new LineParts(
                Text(item?.Element(Cbc("Name"))) ?? Text(item?.Element(Cbc("Description"))),
                EInvoiceParts.ParseDecimal(line.Element(Cbc(quantityName))?.Value),
                unitPrice,
                EInvoiceParts.ParseDecimal(line.Element(Cbc("LineExtensionAmount"))?.Value),
                EInvoiceParts.ParseDecimal(item?.Element(Cac("ClassifiedTaxCategory"))?.Element(Cbc("Percent"))?.Value)));
        }

        foreach (var allowance in root.Elements(Cac("AllowanceCharge")))
        {
            var isCharge = string.Equals(Text(allowance.Element(Cbc("ChargeIndicator"))), "true", StringComparison.OrdinalIgnoreCase);
            var amount = EInvoiceParts.ParseDecimal(allowance.Element(Cbc("Amount"))?.Value) ?? 0m;
            parts.AllowancesAndCharges.Add(new LineParts(
                Text(allowance.Element(Cbc("AllowanceChargeReason"))) ?? (isCharge ? "Charge" : "Allowance"),
                1m,
                isCharge ? amount : -amount,
                isCharge ? amount : -amount,
                EInvoiceParts.ParseDecimal(allowance.Element(Cac("TaxCategory"))?.Element(Cbc("Percent"))?.Value)));
        }

        var found = new List<string>();
        var content = parts.Assemble(found);
        return new EInvoice(EInvoiceFormat.Ubl, content, parts.StatedTotal, UblRules.Check(ubl), found);
    }

    private static PartyParts Party(XElement? party)
    {
        var address = party?.Element(Cac("PostalAddress"));
        var street = string.Join(", ", new[] { Text(address?.Element(Cbc("StreetName"))), Text(address?.Element(Cbc("AdditionalStreetName"))) }.OfType<string>());
        var vat = party?.Elements(Cac("PartyTaxScheme"))
            .Where(s => string.Equals(Text(s.Element(Cac("TaxScheme"))?.Element(Cbc("ID"))), "VAT", StringComparison.OrdinalIgnoreCase))
            .Select(s => Text(s.Element(Cbc("CompanyID")))).FirstOrDefault(v => v is not null);
        return new PartyParts(
            Text(party?.Element(Cac("PartyName"))?.Element(Cbc("Name"))) ?? Text(party?.Element(Cac("PartyLegalEntity"))?.Element(Cbc("RegistrationName"))),
            vat,
            street.Length == 0 ? null : street,
            Text(address?.Element(Cbc("PostalZone"))),
            Text(address?.Element(Cbc("CityName"))),
            Text(address?.Element(Cac("Country"))?.Element(Cbc("IdentificationCode"))));
    }

    private static DateOnly? Date(XElement? element) =>
        DateOnly.TryParseExact(element?.Value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? Text(XElement? element) => EInvoiceParts.Clean(element?.Value);

    private static XName Cac(string name) => UblNames.Cac + name;

    private static XName Cbc(string name) => UblNames.Cbc + name;
}
