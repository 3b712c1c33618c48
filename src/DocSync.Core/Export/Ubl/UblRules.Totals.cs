using System.Collections.Frozen;
using System.Xml.Linq;

namespace DocSync.Core.Export.Ubl;

public static partial class UblRules
{
    /// <summary>The monetary amounts whose decimals EN 16931 limits to two, with the BR-DEC rule for each.</summary>
    private static readonly FrozenDictionary<string, string> DecimalRules = new Dictionary<string, string>
    {
        ["LegalMonetaryTotal/LineExtensionAmount"] = "BR-DEC-09",
        ["LegalMonetaryTotal/AllowanceTotalAmount"] = "BR-DEC-10",
        ["LegalMonetaryTotal/ChargeTotalAmount"] = "BR-DEC-11",
        ["LegalMonetaryTotal/TaxExclusiveAmount"] = "BR-DEC-12",
        ["TaxTotal/TaxAmount"] = "BR-DEC-13",
        ["LegalMonetaryTotal/TaxInclusiveAmount"] = "BR-DEC-14",
        ["LegalMonetaryTotal/PrepaidAmount"] = "BR-DEC-16",
        ["LegalMonetaryTotal/PayableRoundingAmount"] = "BR-DEC-17",
        ["LegalMonetaryTotal/PayableAmount"] = "BR-DEC-18",
        ["TaxSubtotal/TaxableAmount"] = "BR-DEC-19",
        ["TaxSubtotal/TaxAmount"] = "BR-DEC-20",
        ["InvoiceLine/LineExtensionAmount"] = "BR-DEC-23",
        ["CreditNoteLine/LineExtensionAmount"] = "BR-DEC-23",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> AmountNames = new[]
    {
        "Amount", "BaseAmount", "PriceAmount", "TaxAmount", "TaxableAmount", "LineExtensionAmount", "TaxExclusiveAmount",
        "TaxInclusiveAmount", "AllowanceTotalAmount", "ChargeTotalAmount", "PrepaidAmount", "PayableRoundingAmount", "PayableAmount",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static void TotalRules(Context check)
    {
        AmountFormatRules(check);
        var totals = check.Root.Element(Cac("LegalMonetaryTotal"));
        var lineTotal = totals?.Element(Cbc("LineExtensionAmount"));
        var exclusive = totals?.Element(Cbc("TaxExclusiveAmount"));
        var inclusive = totals?.Element(Cbc("TaxInclusiveAmount"));
        var payable = totals?.Element(Cbc("PayableAmount"));
        Exists(check, lineTotal, "BR-12", "the sum of the line net amounts (cbc:LineExtensionAmount)");
        Exists(check, exclusive, "BR-13", "the total without VAT (cbc:TaxExclusiveAmount)");
        Exists(check, inclusive, "BR-14", "the total with VAT (cbc:TaxInclusiveAmount)");
        Exists(check, payable, "BR-15", "the amount due (cbc:PayableAmount)");
        if (totals is null)
        {
            return;
        }

        var lineSum = Math.Round(check.Lines.Sum(l => Number(l.Element(Cbc("LineExtensionAmount"))) ?? 0m), 2, MidpointRounding.AwayFromZero);
        Equal(check, "BR-CO-10", lineTotal, lineSum, "the sum of the line net amounts");

        var allowances = AllowanceCharges(check.Root, charge: false);
        var charges = AllowanceCharges(check.Root, charge: true);
        var allowanceTotal = totals.Element(Cbc("AllowanceTotalAmount"));
        var chargeTotal = totals.Element(Cbc("ChargeTotalAmount"));
        if (allowanceTotal is not null || allowances != 0)
        {
            Equal(check, "BR-CO-11", allowanceTotal, allowances, "the sum of the document level allowances", totals);
        }

        if (chargeTotal is not null || charges != 0)
        {
            Equal(check, "BR-CO-12", chargeTotal, charges, "the sum of the document level charges", totals);
        }

        if (Number(lineTotal) is { } lines)
        {
            var expected = lines - (Number(allowanceTotal) ?? 0m) + (Number(chargeTotal) ?? 0m);
            Equal(check, "BR-CO-13", exclusive, expected, "the line total − allowances + charges");
        }

        var vatTotals = check.Root.Elements(Cac("TaxTotal"))
            .Select(t => t.Elements(Cbc("TaxAmount")).FirstOrDefault(a => (string?)a.Attribute("currencyID") == check.Currency))
            .OfType<XElement>()
            .ToList();
        foreach (var taxTotal in check.Root.Elements(Cac("TaxTotal")).Where(t => t.Elements(Cac("TaxSubtotal")).Any()))
        {
            var sum = taxTotal.Elements(Cac("TaxSubtotal")).Sum(s => Number(s.Element(Cbc("TaxAmount"))) ?? 0m);
            Equal(check, "BR-CO-14", taxTotal.Element(Cbc("TaxAmount")), sum, "the sum of the VAT breakdown's amounts", taxTotal);
        }

        if (vatTotals.Count != 1)
        {
            check.Add("BR-CO-15", "The total VAT in the document currency (cac:TaxTotal/cbc:TaxAmount) is given once.", check.Root);
        }
        else if (Number(exclusive) is { } exclusiveValue && Number(vatTotals[0]) is { } vat)
        {
            Equal(check, "BR-CO-15", inclusive, exclusiveValue + vat, "the total without VAT + the total VAT");
        }

        if (Number(inclusive) is { } inclusiveValue)
        {
            var expected = inclusiveValue - (Number(totals.Element(Cbc("PrepaidAmount"))) ?? 0m) + (Number(totals.Element(Cbc("PayableRoundingAmount"))) ?? 0m);
            Equal(check, "BR-CO-16", payable, expected, "the total with VAT − the paid amount + the rounding amount");
        }

        if (!check.IsCreditNote && Number(payable) > 0
            && !check.Root.Descendants(Cbc("DueDate")).Any()
            && !check.Root.Elements(Cac("PaymentTerms")).Elements(Cbc("Note")).Any())
        {
            check.Add("BR-CO-25", "An invoice with a positive amount due gives a due date (cbc:DueDate) or payment terms (cac:PaymentTerms/cbc:Note).", payable);
        }
    }

    /// <summary>Every amount is an xs:decimal in the document's currency (PEPPOL-EN16931-R051), the BR-DEC ones with at most 2 decimals.</summary>
    private static void AmountFormatRules(Context check)
    {
        var hasTaxCurrency = check.Root.Element(Cbc("TaxCurrencyCode")) is not null;
        foreach (var amount in check.Root.Descendants().Where(e => e.Name.Namespace == UblNames.Cbc && AmountNames.Contains(e.Name.LocalName)))
        {
            if (Number(amount) is null)
            {
                check.Add("XSD-DECIMAL", $"An amount is a decimal number, not '{amount.Value}'.", amount);
                continue;
            }

            var accountingTotal = hasTaxCurrency && amount.Name.LocalName == "TaxAmount" && amount.Parent?.Name == Cac("TaxTotal")
                && !amount.Parent.Elements(Cac("TaxSubtotal")).Any();
            if (!accountingTotal && (string?)amount.Attribute("currencyID") != check.Currency)
            {
                check.Add("PEPPOL-EN16931-R051", $"Every amount is in the document currency {check.Currency}; this one says '{(string?)amount.Attribute("currencyID")}'.", amount);
            }

            if (amount.Parent is { } parent
                && DecimalRules.TryGetValue($"{parent.Name.LocalName}/{amount.Name.LocalName}", out var rule)
                && Decimals(amount.Value) > 2)
            {
                check.Add(rule, $"{parent.Name.LocalName}/{amount.Name.LocalName} has at most 2 decimals, not {amount.Value}.", amount);
            }
        }
    }

    /// <summary>The decimals as written, as EN 16931 counts them: "2.340" has three although it equals 2.34.</summary>
    private static int Decimals(string lexical)
    {
        var text = lexical.Trim();
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : text.Length - dot - 1;
    }

    private static void Exists(Context check, XElement? element, string rule, string what)
    {
        if (element is null)
        {
            check.Add(rule, $"An invoice states {what} in cac:LegalMonetaryTotal.", check.Root.Element(Cac("LegalMonetaryTotal")) ?? check.Root);
        }
    }

    /// <summary>
    /// Reports when <paramref name="element"/> differs from <paramref name="expected"/>; when it is absent, reports at
    /// <paramref name="missingAt"/> if given (else its absence is another rule's to report); skips malformed values.
    /// </summary>
    private static void Equal(Context check, string rule, XElement? element, decimal expected, string what, XElement? missingAt = null)
    {
        if (element is null)
        {
            if (missingAt is not null)
            {
                check.Add(rule, $"{missingAt.Name.LocalName} states {what}: expected {Money(expected)}, found nothing.", missingAt);
            }
        }
        else if (Number(element) is { } actual && actual != expected)
        {
            check.Add(rule, $"{element.Name.LocalName} is {what}: expected {Money(expected)}, found {element.Value}.", element);
        }
    }
}
