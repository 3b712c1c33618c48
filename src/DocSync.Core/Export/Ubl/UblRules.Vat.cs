using System.Xml.Linq;

namespace DocSync.Core.Export.Ubl;

public static partial class UblRules
{
    /// <summary>The VAT categories checked in depth: standard, zero, exempt, reverse charge, intra-community, export, not subject.</summary>
    private static readonly string[] KnownCategories = ["S", "Z", "E", "AE", "K", "G", "O"];

    private static void VatRules(Context check)
    {
        var lines = check.Lines
            .Select(l => (Element: l, Category: CategoryOf(l.Element(Cac("Item"))?.Elements(Cac("ClassifiedTaxCategory")).FirstOrDefault(IsVat))))
            .ToList();
        var adjustments = check.Root.Elements(Cac("AllowanceCharge"))
            .Select(a => (Element: a, Category: CategoryOf(a.Elements(Cac("TaxCategory")).FirstOrDefault(IsVat))))
            .ToList();
        var rows = check.Root.Elements(Cac("TaxTotal")).Elements(Cac("TaxSubtotal"))
            .Select(s => (Element: s, Category: CategoryOf(s.Elements(Cac("TaxCategory")).FirstOrDefault(IsVat))))
            .ToList();

        foreach (var (line, category) in lines)
        {
            if (category is { } c && KnownCategories.Contains(c.Code) && !RateFits(c))
            {
                var rate = c.Code switch { "S" => "above 0", "O" => "absent", _ => "0" };
                check.Add(Rule(c.Code, 5), $"A line in VAT category {c.Code} has a rate {rate}; found {c.Describe()}.", line);
            }
        }

        foreach (var (row, category) in rows)
        {
            BreakdownRow(check, row, category, lines, adjustments);
        }

        var used = lines.Select(l => l.Category).Concat(adjustments.Select(a => a.Category)).OfType<Category>().ToList();
        foreach (var missing in used.Distinct().Where(c => KnownCategories.Contains(c.Code) && !rows.Any(r => r.Category == c)))
        {
            check.Add(Rule(missing.Code, 8), $"The VAT breakdown has a row for the lines in category {missing.Describe()}.", check.Root);
        }

        foreach (var code in KnownCategories)
        {
            var onLines = used.Any(c => c.Code == code);
            var rowCount = rows.Count(r => r.Category?.Code == code);
            if (onLines ? (code == "S" ? rowCount == 0 : rowCount != 1) : rowCount > 0)
            {
                check.Add(Rule(code, 1), onLines
                    ? $"Lines in VAT category {code} have {(code == "S" ? "at least one row" : "exactly one row")} in the VAT breakdown; found {rowCount}."
                    : $"The VAT breakdown has a row in category {code} only when some line is in it.", check.Root);
            }
        }

        SellerVatRules(check, used, rows.Select(r => r.Category).OfType<Category>().ToList());
    }

    private static void BreakdownRow(
        Context check, XElement row, Category? category, List<(XElement Element, Category? Category)> lines, List<(XElement Element, Category? Category)> adjustments)
    {
        var taxable = row.Element(Cbc("TaxableAmount"));
        var tax = row.Element(Cbc("TaxAmount"));
        var categoryElement = row.Elements(Cac("TaxCategory")).FirstOrDefault(IsVat);
        if (taxable is null)
        {
            check.Add("BR-45", "Each VAT breakdown row has a taxable amount (cbc:TaxableAmount).", row);
        }

        if (tax is null)
        {
            check.Add("BR-46", "Each VAT breakdown row has a VAT amount (cbc:TaxAmount).", row);
        }

        if (category is not { } c)
        {
            check.Add("BR-47", "Each VAT breakdown row has a VAT category (cac:TaxCategory/cbc:ID, tax scheme VAT).", row);
            return;
        }

        if (c.Percent is null && c.Code != "O")
        {
            check.Add("BR-48", "Each VAT breakdown row has a VAT rate (cbc:Percent), unless not subject to VAT.", categoryElement);
        }

        if (!KnownCategories.Contains(c.Code))
        {
            return;
        }

        var expected = lines.Where(l => l.Category == c).Sum(l => Number(l.Element.Element(Cbc("LineExtensionAmount"))) ?? 0m)
            + adjustments.Where(a => a.Category == c).Sum(a => (Number(a.Element.Element(Cbc("Amount"))) ?? 0m)
                * (Text(a.Element.Element(Cbc("ChargeIndicator"))) == "true" ? 1 : -1));
        Equal(check, Rule(c.Code, 8), taxable, expected, $"the sum of the line net amounts in category {c.Describe()}");

        if (Number(taxable) is { } taxableValue)
        {
            var vat = c.Code == "S" ? Math.Round(taxableValue * (c.Percent ?? 0m) / 100m, 2, MidpointRounding.AwayFromZero) : 0m;
            var how = c.Code == "S" ? "the taxable amount × the rate, rounded to the cent" : "0 in this category";
            Equal(check, Rule(c.Code, 9), tax, vat, how);
        }

        var hasReason = Has(categoryElement?.Element(Cbc("TaxExemptionReason"))) || Has(categoryElement?.Element(Cbc("TaxExemptionReasonCode")));
        if ((c.Code is "S" or "Z") && hasReason)
        {
            check.Add(Rule(c.Code, 10), $"A VAT breakdown row in category {c.Code} has no exemption reason.", categoryElement);
        }
        else if (c.Code is not ("S" or "Z") && !hasReason)
        {
            check.Add(Rule(c.Code, 10), $"A VAT breakdown row in category {c.Code} gives an exemption reason (text or VATEX code).", categoryElement);
        }
    }

    private static void SellerVatRules(Context check, List<Category> used, List<Category> rows)
    {
        var sellerVat = (check.Seller is null ? null : VatId(check.Seller))
            ?? (check.Root.Element(Cac("TaxRepresentativeParty")) is { } representative ? VatId(representative) : null);
        foreach (var code in used.Select(c => c.Code).Distinct().Where(c => c is "S" or "Z" or "E" or "AE" or "K" or "G"))
        {
            if (sellerVat is null)
            {
                check.Add(Rule(code, 2), $"A document with lines in VAT category {code} gives the seller's VAT identifier (cac:PartyTaxScheme/cbc:CompanyID).", check.Seller);
            }
        }

        if (used.Any(c => c.Code == "O"))
        {
            var anyVat = new[] { check.Seller, check.Buyer, check.Root.Element(Cac("TaxRepresentativeParty")) }.OfType<XElement>().Select(VatId).OfType<XElement>();
            foreach (var vat in anyVat)
            {
                check.Add("BR-O-02", "A document with lines not subject to VAT (O) gives no VAT identifier for seller, buyer or tax representative.", vat);
            }
        }

        if (rows.Any(r => r.Code == "O"))
        {
            if (rows.Any(r => r.Code != "O"))
            {
                check.Add("BR-O-11", "A VAT breakdown with a row not subject to VAT (O) has no rows in other categories.", check.Root);
            }

            if (used.Any(c => c.Code != "O"))
            {
                check.Add("BR-O-12", "A VAT breakdown with a row not subject to VAT (O) goes with lines in category O only.", check.Root);
            }
        }
    }

    private static Category? CategoryOf(XElement? element) =>
        element is not null && Text(element.Element(Cbc("ID"))) is { } code
            ? new Category(code, element.Element(Cbc("Percent")) is { } percent ? Number(percent) ?? -1m : null)
            : null;

    private static bool RateFits(Category category) => category.Code switch
    {
        "S" => category.Percent > 0,
        "O" => category.Percent is null,
        _ => category.Percent == 0,
    };

    /// <summary>The EN 16931 rule id for a category's rule number, e.g. BR-S-08; intra-community supply (K) is "IC".</summary>
    private static string Rule(string code, int number) => $"BR-{(code == "K" ? "IC" : code)}-{number:00}";

    /// <summary>A VAT category and rate as the rules compare them (rate null when absent, e.g. for O).</summary>
    private readonly record struct Category(string Code, decimal? Percent)
    {
        public string Describe() => Percent is { } p ? $"{Code} at {p.ToString(System.Globalization.CultureInfo.InvariantCulture)} %" : Code;
    }
}
