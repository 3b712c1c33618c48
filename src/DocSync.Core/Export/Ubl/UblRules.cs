using System.Globalization;
using System.Xml.Linq;

namespace DocSync.Core.Export.Ubl;

/// <summary>
/// Checks a UBL 2.1 invoice or credit note against the key business rules of EN 16931 and Peppol BIS Billing 3.0,
/// reading only the XML (never how it was made), so it can judge <see cref="UblWriter"/>'s output independently.
/// </summary>
/// <remarks>
/// Covered: the mandatory elements (BR-01 to BR-16, BR-21 to BR-27, BR-45 to BR-50, BR-61 to BR-63); the totals
/// (BR-CO-10 to BR-CO-16, BR-CO-25) and decimals (BR-DEC-*); the VAT breakdown per category for S, Z, E, O, AE, K and
/// G (BR-x-01, -02, -05, -08, -09, -10; BR-O-02, BR-O-11, BR-O-12; BR-CO-04, BR-CO-09, BR-CO-18, BR-CO-26); the code
/// lists for countries, currencies and address schemes (BR-CL-04, BR-CL-14, PEPPOL-EN16931-CL008); and Peppol's
/// document rules (PEPPOL-EN16931-R001 to R010, R020, R051, R053, R054, R120, R121, P0100, P0101, F001,
/// PEPPOL-COMMON-R043). Stricter than the official Schematron in one place: a standard-rated breakdown row's VAT must
/// equal taxable × rate rounded half away from zero to the cent exactly (BR-S-09 allows ±1 unit), since DocSync
/// computes it that way and any difference is a bug. Lines in a category and rate with no breakdown row are reported
/// under that category's rule 08 (e.g. BR-S-08). Not covered: XSD structure, national rules, allowances' own
/// rules. An amount that is not an <c>xs:decimal</c> is reported as <c>XSD-DECIMAL</c> and skips the rules needing it.
/// </remarks>
public static partial class UblRules
{
    /// <summary>Every rule <paramref name="ubl"/> breaks; empty when it passes them all.</summary>
    /// <param name="ubl">A UBL <c>Invoice</c> or <c>CreditNote</c>.</param>
    public static IReadOnlyList<UblViolation> Check(XDocument ubl)
    {
        ArgumentNullException.ThrowIfNull(ubl);
        var found = new List<UblViolation>();
        var root = ubl.Root;
        if (root is null || (root.Name != UblNames.Invoice + "Invoice" && root.Name != UblNames.CreditNote + "CreditNote"))
        {
            found.Add(new UblViolation("UBL-ROOT", "The root element is neither a UBL 2.1 Invoice nor a CreditNote (name and namespace).", "/"));
            return found;
        }

        var check = new Context(root, found);
        DocumentRules(check);
        PartyRules(check);
        LineRules(check);
        TotalRules(check);
        VatRules(check);
        return found;
    }

    private static XName Cac(string name) => UblNames.Cac + name;

    private static XName Cbc(string name) => UblNames.Cbc + name;

    /// <summary>The element's text with whitespace collapsed, as XPath's normalize-space; null when absent or blank.</summary>
    private static string? Text(XElement? element) =>
        element is null || string.IsNullOrWhiteSpace(element.Value)
            ? null
            : string.Join(' ', element.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool Has(XElement? element) => Text(element) is not null;

    /// <summary>
    /// The element's value as an <c>xs:decimal</c>; null when absent or malformed (malformed values are reported
    /// once, by the decimal rules).
    /// </summary>
    private static decimal? Number(XElement? element)
    {
        var text = element?.Value.Trim();
        return !string.IsNullOrEmpty(text)
            && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    private static string Money(decimal value) => value.ToString("0.00##", CultureInfo.InvariantCulture);

    /// <summary>Whether an element's VAT scheme is VAT (cac:TaxScheme/cbc:ID), as the rules select categories.</summary>
    private static bool IsVat(XElement category) =>
        string.Equals(Text(category.Element(Cac("TaxScheme"))?.Element(Cbc("ID"))), "VAT", StringComparison.OrdinalIgnoreCase);

    /// <summary>A simple path to <paramref name="at"/>, e.g. <c>/Invoice/InvoiceLine[2]/Price/PriceAmount</c>.</summary>
    private static string PathOf(XObject at)
    {
        var element = at as XElement ?? at.Parent;
        var steps = new List<string>();
        for (var e = element; e is not null; e = e.Parent)
        {
            var same = e.Parent?.Elements(e.Name).ToList();
            steps.Add(same is { Count: > 1 } ? $"{e.Name.LocalName}[{same.IndexOf(e) + 1}]" : e.Name.LocalName);
        }

        steps.Reverse();
        var path = "/" + string.Join('/', steps);
        return at is XAttribute attribute ? $"{path}/@{attribute.Name.LocalName}" : path;
    }

    /// <summary>The document under check and the violations found so far.</summary>
    private sealed class Context(XElement root, List<UblViolation> found)
    {
        public XElement Root { get; } = root;

        public bool IsCreditNote { get; } = root.Name.LocalName == "CreditNote";

        public string LineName => IsCreditNote ? "CreditNoteLine" : "InvoiceLine";

        public XName QuantityName => Cbc(IsCreditNote ? "CreditedQuantity" : "InvoicedQuantity");

        public List<XElement> Lines { get; } = [.. root.Elements(Cac(root.Name.LocalName == "CreditNote" ? "CreditNoteLine" : "InvoiceLine"))];

        public string? Currency { get; } = Text(root.Element(Cbc("DocumentCurrencyCode")));

        public XElement? Seller { get; } = root.Element(Cac("AccountingSupplierParty"))?.Element(Cac("Party"));

        public XElement? Buyer { get; } = root.Element(Cac("AccountingCustomerParty"))?.Element(Cac("Party"));

        public void Add(string rule, string message, XObject? at) => found.Add(new UblViolation(rule, message, PathOf(at ?? Root)));
    }
}
