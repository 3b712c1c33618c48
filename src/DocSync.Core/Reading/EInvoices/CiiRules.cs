using System.Globalization;
using System.Xml.Linq;
using DocSync.Core.Export.Ubl;
using DocSync.Core.Validation;

namespace DocSync.Core.Reading.EInvoices;

/// <summary>
/// Checks a CII invoice against the EN 16931 business rules that say whether it can be booked: the mandatory
/// elements (BR-01 to BR-16, BR-21 to BR-26), the totals (BR-CO-10, BR-CO-13, BR-CO-15, BR-CO-16), the VAT
/// breakdown (BR-CO-14), a due date or payment terms for an amount due (BR-CO-25) and the code lists for currency
/// and countries (BR-CL-04, BR-CL-14). Rule ids as the EN 16931 CII Schematron names them. Not covered: XSD
/// structure, the Factur-X profile rules, national rules.
/// </summary>
public static class CiiRules
{
    /// <summary>Every rule <paramref name="cii"/> breaks; empty when it passes them all.</summary>
    /// <param name="cii">A CII <c>CrossIndustryInvoice</c>.</param>
    public static IReadOnlyList<UblViolation> Check(XDocument cii)
    {
        ArgumentNullException.ThrowIfNull(cii);
        var found = new List<UblViolation>();
        var ram = CiiReader.Ram;
        var root = cii.Root!;
        void Add(string rule, string message, string location) => found.Add(new UblViolation(rule, message, location));

        var context = root.Element(CiiReader.Rsm + "ExchangedDocumentContext")?.Element(ram + "GuidelineSpecifiedDocumentContextParameter")?.Element(ram + "ID");
        if (Text(context) is null)
        {
            Add("BR-01", "An invoice shall have a specification identifier (the guideline).", "/CrossIndustryInvoice/ExchangedDocumentContext");
        }

        var header = root.Element(CiiReader.Rsm + "ExchangedDocument");
        if (Text(header?.Element(ram + "ID")) is null)
        {
            Add("BR-02", "An invoice shall have an invoice number.", "/CrossIndustryInvoice/ExchangedDocument/ID");
        }

        if (CiiReader.Date(header?.Element(ram + "IssueDateTime")) is null)
        {
            Add("BR-03", "An invoice shall have an issue date (udt:DateTimeString, format 102).", "/CrossIndustryInvoice/ExchangedDocument/IssueDateTime");
        }

        if (Text(header?.Element(ram + "TypeCode")) is null)
        {
            Add("BR-04", "An invoice shall have an invoice type code.", "/CrossIndustryInvoice/ExchangedDocument/TypeCode");
        }

        var transaction = root.Element(CiiReader.Rsm + "SupplyChainTradeTransaction");
        var agreement = transaction?.Element(ram + "ApplicableHeaderTradeAgreement");
        var settlement = transaction?.Element(ram + "ApplicableHeaderTradeSettlement");
        const string Settlement = "/CrossIndustryInvoice/SupplyChainTradeTransaction/ApplicableHeaderTradeSettlement";
        var currency = Text(settlement?.Element(ram + "InvoiceCurrencyCode"));
        if (currency is null)
        {
            Add("BR-05", "An invoice shall have an invoice currency code.", Settlement + "/InvoiceCurrencyCode");
        }
        else if (!UblCodeLists.Currencies.Contains(currency))
        {
            Add("BR-CL-04", $"'{currency}' is not an ISO 4217 currency code.", Settlement + "/InvoiceCurrencyCode");
        }

        foreach (var (role, nameRule, addressRule, countryRule) in new[] { ("Seller", "BR-06", "BR-08", "BR-09"), ("Buyer", "BR-07", "BR-10", "BR-11") })
        {
            var at = $"/CrossIndustryInvoice/SupplyChainTradeTransaction/ApplicableHeaderTradeAgreement/{role}TradeParty";
            var party = agreement?.Element(ram + $"{role}TradeParty");
            if (Text(party?.Element(ram + "Name")) is null)
            {
                Add(nameRule, $"An invoice shall contain the {role.ToLowerInvariant()}'s name.", at + "/Name");
            }

            var address = party?.Element(ram + "PostalTradeAddress");
            if (address is null)
            {
                Add(addressRule, $"An invoice shall contain the {role.ToLowerInvariant()}'s postal address.", at + "/PostalTradeAddress");
            }

            var country = Text(address?.Element(ram + "CountryID"));
            if (country is null)
            {
                Add(countryRule, $"The {role.ToLowerInvariant()}'s postal address shall contain a country code.", at + "/PostalTradeAddress/CountryID");
            }
            else if (!UblCodeLists.Countries.Contains(country))
            {
                Add("BR-CL-14", $"'{country}' is not an ISO 3166-1 country code.", at + "/PostalTradeAddress/CountryID");
            }
        }

        var summation = settlement?.Element(ram + "SpecifiedTradeSettlementHeaderMonetarySummation");
        const string Totals = Settlement + "/SpecifiedTradeSettlementHeaderMonetarySummation";
        var lineTotal = Amount(summation?.Element(ram + "LineTotalAmount"));
        var taxBasis = Amount(summation?.Element(ram + "TaxBasisTotalAmount"));
        var grandTotal = Amount(summation?.Element(ram + "GrandTotalAmount"));
        var duePayable = Amount(summation?.Element(ram + "DuePayableAmount"));
        var taxTotal = summation?.Elements(ram + "TaxTotalAmount").FirstOrDefault(t => (string?)t.Attribute("currencyID") == currency) is { } tax ? Amount(tax) : (decimal?)null;
        foreach (var (rule, value, name) in new[] { ("BR-12", lineTotal, "LineTotalAmount"), ("BR-13", taxBasis, "TaxBasisTotalAmount"), ("BR-14", grandTotal, "GrandTotalAmount"), ("BR-15", duePayable, "DuePayableAmount") })
        {
            if (value is null)
            {
                Add(rule, $"An invoice shall have the {name}.", $"{Totals}/{name}");
            }
        }

        var items = transaction?.Elements(ram + "IncludedSupplyChainTradeLineItem").ToList() ?? [];
        if (items.Count == 0)
        {
            Add("BR-16", "An invoice shall have at least one invoice line.", "/CrossIndustryInvoice/SupplyChainTradeTransaction");
        }

        var sum = 0m;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var at = $"/CrossIndustryInvoice/SupplyChainTradeTransaction/IncludedSupplyChainTradeLineItem[{i + 1}]";
            if (Text(item.Element(ram + "AssociatedDocumentLineDocument")?.Element(ram + "LineID")) is null)
            {
                Add("BR-21", "Each invoice line shall have a line identifier.", at + "/AssociatedDocumentLineDocument/LineID");
            }

            var quantity = item.Element(ram + "SpecifiedLineTradeDelivery")?.Element(ram + "BilledQuantity");
            if (Amount(quantity) is null)
            {
                Add("BR-22", "Each invoice line shall have an invoiced quantity.", at + "/SpecifiedLineTradeDelivery/BilledQuantity");
            }
            else if (quantity!.Attribute("unitCode") is null)
            {
                Add("BR-23", "An invoiced quantity shall have a unit of measure code.", at + "/SpecifiedLineTradeDelivery/BilledQuantity/@unitCode");
            }

            var net = Amount(item.Element(ram + "SpecifiedLineTradeSettlement")?.Element(ram + "SpecifiedTradeSettlementLineMonetarySummation")?.Element(ram + "LineTotalAmount"));
            if (net is null)
            {
                Add("BR-24", "Each invoice line shall have a line net amount.", at + "/SpecifiedLineTradeSettlement/SpecifiedTradeSettlementLineMonetarySummation/LineTotalAmount");
            }

            sum += net ?? 0m;
            if (Text(item.Element(ram + "SpecifiedTradeProduct")?.Element(ram + "Name")) is null)
            {
                Add("BR-25", "Each invoice line shall contain the item name.", at + "/SpecifiedTradeProduct/Name");
            }

            if (Amount(item.Element(ram + "SpecifiedLineTradeAgreement")?.Element(ram + "NetPriceProductTradePrice")?.Element(ram + "ChargeAmount")) is null)
            {
                Add("BR-26", "Each invoice line shall contain the item net price.", at + "/SpecifiedLineTradeAgreement/NetPriceProductTradePrice/ChargeAmount");
            }
        }

        if (lineTotal is { } lines && lines != sum)
        {
            Add("BR-CO-10", $"The sum of the line net amounts ({Money(sum)}) shall equal LineTotalAmount ({Money(lines)}).", Totals + "/LineTotalAmount");
        }

        var allowances = settlement?.Elements(ram + "SpecifiedTradeAllowanceCharge")
            .Sum(a => (Amount(a.Element(ram + "ActualAmount")) ?? 0m)
                * (string.Equals(Text(a.Element(ram + "ChargeIndicator")?.Element(CiiReader.Udt + "Indicator")), "true", StringComparison.OrdinalIgnoreCase) ? 1 : -1)) ?? 0m;
        if (lineTotal is { } l && taxBasis is { } basis && basis != l + allowances)
        {
            Add("BR-CO-13", $"TaxBasisTotalAmount ({Money(basis)}) shall be the line total plus charges minus allowances ({Money(l + allowances)}).", Totals + "/TaxBasisTotalAmount");
        }

        if (taxBasis is { } b && grandTotal is { } g && g != b + (taxTotal ?? 0m))
        {
            Add("BR-CO-15", $"GrandTotalAmount ({Money(g)}) shall be TaxBasisTotalAmount plus TaxTotalAmount ({Money(b + (taxTotal ?? 0m))}).", Totals + "/GrandTotalAmount");
        }

        var prepaid = Amount(summation?.Element(ram + "TotalPrepaidAmount")) ?? 0m;
        var rounding = Amount(summation?.Element(ram + "RoundingAmount")) ?? 0m;
        if (grandTotal is { } gt && duePayable is { } due && due != gt - prepaid + rounding)
        {
            Add("BR-CO-16", $"DuePayableAmount ({Money(due)}) shall be GrandTotalAmount minus prepaid plus rounding ({Money(gt - prepaid + rounding)}).", Totals + "/DuePayableAmount");
        }

        var breakdown = settlement?.Elements(ram + "ApplicableTradeTax").ToList() ?? [];
        var breakdownTax = breakdown.Sum(t => Amount(t.Element(ram + "CalculatedAmount")) ?? 0m);
        if (taxTotal is { } tt && breakdown.Count > 0 && tt != breakdownTax)
        {
            Add("BR-CO-14", $"TaxTotalAmount ({Money(tt)}) shall be the sum of the VAT breakdown's amounts ({Money(breakdownTax)}).", Totals + "/TaxTotalAmount");
        }

        foreach (var row in breakdown)
        {
            var rate = Amount(row.Element(ram + "RateApplicablePercent"));
            var rowBasis = Amount(row.Element(ram + "BasisAmount"));
            var rowTax = Amount(row.Element(ram + "CalculatedAmount"));
            if (Text(row.Element(ram + "CategoryCode")) == "S" && rate is { } r && rowBasis is { } rb && rowTax is { } rt
                && Math.Abs(DocumentCalculator.RoundToCent(rb * r / 100m) - rt) > 0.01m)
            {
                Add("BR-S-09", $"The VAT of the {r.ToString("0.##", CultureInfo.InvariantCulture)} % row ({Money(rt)}) shall be its basis × rate ({Money(DocumentCalculator.RoundToCent(rb * r / 100m))}).", Settlement + "/ApplicableTradeTax");
            }
        }

        var terms = settlement?.Elements(ram + "SpecifiedTradePaymentTerms").ToList() ?? [];
        var hasTerms = terms.Any(t => CiiReader.Date(t.Element(ram + "DueDateDateTime")) is not null || Text(t.Element(ram + "Description")) is not null);
        if (duePayable is > 0 && !hasTerms)
        {
            Add("BR-CO-25", "An invoice with a positive amount due shall have a payment due date or payment terms.", Settlement + "/SpecifiedTradePaymentTerms");
        }

        return found;
    }

    private static string? Text(XElement? element) => EInvoiceParts.Clean(element?.Value);

    private static decimal? Amount(XElement? element) => EInvoiceParts.ParseDecimal(element?.Value);

    private static string Money(decimal value) => value.ToString("0.00##", CultureInfo.InvariantCulture);
}
