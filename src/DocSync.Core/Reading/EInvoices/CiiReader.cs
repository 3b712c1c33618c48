using System.Globalization;
using System.Xml.Linq;
using DocSync.Core.Export.Ubl;

namespace DocSync.Core.Reading.EInvoices;

/// <summary>
/// Reads a UN/CEFACT Cross Industry Invoice (D16B, as Factur-X and ZUGFeRD 2 carry it in a PDF) into a
/// <see cref="Documents.DocumentContent"/>, and checks it with <see cref="CiiRules"/>.
/// </summary>
public static class CiiReader
{
    /// <summary>The namespace of CII's aggregate entities (<c>ram:</c>).</summary>
    public static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";

    /// <summary>The namespace of CII's data types (<c>udt:</c>).</summary>
    public static readonly XNamespace Udt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";

    /// <summary>The namespace of the root and its children (<c>rsm:</c>).</summary>
    public static XNamespace Rsm => EInvoiceReader.CiiRoot;

    /// <summary>UNCL 1001 codes of credit notes (a CII invoice is a credit note when its type code is one of them).</summary>
    private static readonly string[] CreditNoteCodes = ["381", "261", "262", "296", "308", "396", "420", "458", "532"];

    /// <summary>Reads a parsed CII document.</summary>
    /// <param name="cii">The document (root <c>rsm:CrossIndustryInvoice</c>); parse untrusted bytes with <see cref="EInvoiceReader.Load"/>.</param>
    /// <exception cref="ArgumentException">The root is not a CII invoice.</exception>
    public static EInvoice Read(XDocument cii)
    {
        ArgumentNullException.ThrowIfNull(cii);
        var root = cii.Root;
        if (root is null || root.Name != Rsm + "CrossIndustryInvoice")
        {
            throw new ArgumentException("The root element is not a CII CrossIndustryInvoice.", nameof(cii));
        }

        var header = root.Element(Rsm + "ExchangedDocument");
        var transaction = root.Element(Rsm + "SupplyChainTradeTransaction");
        var agreement = transaction?.Element(Ram + "ApplicableHeaderTradeAgreement");
        var settlement = transaction?.Element(Ram + "ApplicableHeaderTradeSettlement");
        var terms = settlement?.Elements(Ram + "SpecifiedTradePaymentTerms").ToList() ?? [];
        var summation = settlement?.Element(Ram + "SpecifiedTradeSettlementHeaderMonetarySummation");
        var notes = header?.Elements(Ram + "IncludedNote").Select(n => EInvoiceParts.Clean(n.Element(Ram + "Content")?.Value)).OfType<string>().ToList() ?? [];
        notes.AddRange(terms.Select(t => EInvoiceParts.Clean(t.Element(Ram + "Description")?.Value)).OfType<string>().Where(t => !notes.Contains(t)));

        var parts = new EInvoiceParts
        {
            IsCreditNote = CreditNoteCodes.Contains(Text(header?.Element(Ram + "TypeCode"))),
            Number = Text(header?.Element(Ram + "ID")),
            IssueDate = Date(header?.Element(Ram + "IssueDateTime")),
            DueDate = terms.Select(t => Date(t.Element(Ram + "DueDateDateTime"))).FirstOrDefault(d => d is not null),
            Currency = Text(settlement?.Element(Ram + "InvoiceCurrencyCode")),
            Note = notes.Count == 0 ? null : string.Join("\n", notes),
            Seller = Party(agreement?.Element(Ram + "SellerTradeParty")),
            Buyer = agreement?.Element(Ram + "BuyerTradeParty") is { } buyer ? Party(buyer) : null,
            SellerIban = settlement?.Elements(Ram + "SpecifiedTradeSettlementPaymentMeans")
                .Select(m => Text(m.Element(Ram + "PayeePartyCreditorFinancialAccount")?.Element(Ram + "IBANID"))).FirstOrDefault(i => i is not null),
            StatedTotal = EInvoiceParts.ParseDecimal(summation?.Element(Ram + "GrandTotalAmount")?.Value),
        };

        foreach (var item in transaction?.Elements(Ram + "IncludedSupplyChainTradeLineItem") ?? [])
        {
            var price = item.Element(Ram + "SpecifiedLineTradeAgreement")?.Element(Ram + "NetPriceProductTradePrice");
            var unitPrice = EInvoiceParts.ParseDecimal(price?.Element(Ram + "ChargeAmount")?.Value);
            var basis = EInvoiceParts.ParseDecimal(price?.Element(Ram + "BasisQuantity")?.Value);
            if (unitPrice is { } p && basis is { } b && b != 0 && b != 1)
            {
                unitPrice = p / b;
            }

            var lineSettlement = item.Element(Ram + "SpecifiedLineTradeSettlement");
            parts.Lines.Add(new LineParts(
                Text(item.Element(Ram + "SpecifiedTradeProduct")?.Element(Ram + "Name")),
                EInvoiceParts.ParseDecimal(item.Element(Ram + "SpecifiedLineTradeDelivery")?.Element(Ram + "BilledQuantity")?.Value),
                unitPrice,
                EInvoiceParts.ParseDecimal(lineSettlement?.Element(Ram + "SpecifiedTradeSettlementLineMonetarySummation")?.Element(Ram + "LineTotalAmount")?.Value),
                EInvoiceParts.ParseDecimal(lineSettlement?.Element(Ram + "ApplicableTradeTax")?.Element(Ram + "RateApplicablePercent")?.Value)));
        }

        foreach (var allowance in settlement?.Elements(Ram + "SpecifiedTradeAllowanceCharge") ?? [])
        {
            var isCharge = string.Equals(Text(allowance.Element(Ram + "ChargeIndicator")?.Element(Udt + "Indicator")), "true", StringComparison.OrdinalIgnoreCase);
            var amount = EInvoiceParts.ParseDecimal(allowance.Element(Ram + "ActualAmount")?.Value) ?? 0m;
            parts.AllowancesAndCharges.Add(new LineParts(
                Text(allowance.Element(Ram + "Reason")) ?? (isCharge ? "Charge" : "Allowance"),
                1m,
                isCharge ? amount : -amount,
                isCharge ? amount : -amount,
                EInvoiceParts.ParseDecimal(allowance.Element(Ram + "CategoryTradeTax")?.Element(Ram + "RateApplicablePercent")?.Value)));
        }

        var found = new List<string>();
        var content = parts.Assemble(found);
        return new EInvoice(EInvoiceFormat.Cii, content, parts.StatedTotal, CiiRules.Check(cii), found);
    }

    private static PartyParts Party(XElement? party)
    {
        var address = party?.Element(Ram + "PostalTradeAddress");
        var street = string.Join(", ", new[] { "LineOne", "LineTwo", "LineThree" }.Select(n => Text(address?.Element(Ram + n))).OfType<string>());
        var vat = party?.Elements(Ram + "SpecifiedTaxRegistration")
            .Select(r => r.Element(Ram + "ID"))
            .Where(id => id is not null && (string?)id.Attribute("schemeID") == "VA")
            .Select(Text).FirstOrDefault(v => v is not null);
        return new PartyParts(
            Text(party?.Element(Ram + "Name")),
            vat,
            street.Length == 0 ? null : street,
            Text(address?.Element(Ram + "PostcodeCode")),
            Text(address?.Element(Ram + "CityName")),
            Text(address?.Element(Ram + "CountryID")));
    }

    /// <summary>A CII date: <c>udt:DateTimeString</c> in format 102 (<c>yyyyMMdd</c>).</summary>
    internal static DateOnly? Date(XElement? element) =>
        DateOnly.TryParseExact(element?.Element(Udt + "DateTimeString")?.Value.Trim(), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static string? Text(XElement? element) => EInvoiceParts.Clean(element?.Value);
}
