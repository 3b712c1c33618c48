using System.Xml.Linq;

namespace DocSync.Core.Export.Ubl;

public static partial class UblRules
{
    private static void LineRules(Context check)
    {
        foreach (var line in check.Lines)
        {
            Required(check, line, "ID", "BR-21", "Each line has an identifier (cbc:ID).");
            var quantity = line.Element(check.QuantityName);
            if (quantity is null)
            {
                check.Add("BR-22", $"Each line has a quantity (cbc:{check.QuantityName.LocalName}).", line);
            }
            else if (string.IsNullOrWhiteSpace((string?)quantity.Attribute("unitCode")))
            {
                check.Add("BR-23", "Each line's quantity has a unit of measure (@unitCode).", quantity);
            }

            var net = line.Element(Cbc("LineExtensionAmount"));
            if (net is null)
            {
                check.Add("BR-24", "Each line has a net amount (cbc:LineExtensionAmount).", line);
            }

            var item = line.Element(Cac("Item"));
            if (!Has(item?.Element(Cbc("Name"))))
            {
                check.Add("BR-25", "Each line names its item (cac:Item/cbc:Name).", line);
            }

            if (item?.Elements(Cac("ClassifiedTaxCategory")).Where(IsVat).Select(c => c.Element(Cbc("ID"))).Any(Has) != true)
            {
                check.Add("BR-CO-04", "Each line has a VAT category (cac:Item/cac:ClassifiedTaxCategory/cbc:ID, tax scheme VAT).", line);
            }

            var priceElement = line.Element(Cac("Price"))?.Element(Cbc("PriceAmount"));
            if (priceElement is null)
            {
                check.Add("BR-26", "Each line has an item net price (cac:Price/cbc:PriceAmount).", line);
            }
            else if (Number(priceElement) < 0)
            {
                check.Add("BR-27", $"An item net price is not negative; this one is {priceElement.Value}.", priceElement);
            }

            NetRule(check, line, quantity, net, priceElement);
        }
    }

    /// <summary>PEPPOL-EN16931-R120 and R121: the net amount is quantity × price ÷ base quantity, plus charges, minus allowances, within 0.02.</summary>
    private static void NetRule(Context check, XElement line, XElement? quantityElement, XElement? netElement, XElement? priceElement)
    {
        var baseQuantityElement = line.Element(Cac("Price"))?.Element(Cbc("BaseQuantity"));
        var baseQuantity = Number(baseQuantityElement);
        if (baseQuantityElement is not null && !(baseQuantity > 0))
        {
            check.Add("PEPPOL-EN16931-R121", "A price's base quantity is a number above zero.", baseQuantityElement);
            return;
        }

        var quantity = quantityElement is null ? 1m : Number(quantityElement);
        var price = priceElement is null ? 0m : Number(priceElement);
        if (netElement is null || Number(netElement) is not { } n || quantity is not { } q || price is not { } p)
        {
            return;
        }

        var charges = AllowanceCharges(line, charge: true);
        var allowances = AllowanceCharges(line, charge: false);
        var expected = (q * (p / (baseQuantity ?? 1m))) + charges - allowances;
        if (Math.Abs(n - expected) > 0.02m)
        {
            check.Add("PEPPOL-EN16931-R120", $"A line's net amount is quantity × price (+ charges − allowances): expected {Money(expected)}, found {netElement.Value}.", netElement);
        }
    }

    /// <summary>The sum of a line's (or the document's) allowances or charges, rounded to the cent.</summary>
    private static decimal AllowanceCharges(XElement parent, bool charge) =>
        Math.Round(
            parent.Elements(Cac("AllowanceCharge"))
                .Where(a => string.Equals(Text(a.Element(Cbc("ChargeIndicator"))), charge ? "true" : "false", StringComparison.Ordinal))
                .Sum(a => Number(a.Element(Cbc("Amount"))) ?? 0m),
            2,
            MidpointRounding.AwayFromZero);
}
