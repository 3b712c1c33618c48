using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace DocSync.Core.Export.Ubl;

public static partial class UblRules
{
    private static readonly string[] InvoiceTypeCodes =
        ["71", "80", "82", "84", "102", "218", "219", "326", "331", "380", "382", "383", "384", "386", "388", "393", "395", "553", "575", "623", "780", "817", "870", "875", "876", "877"];

    private static readonly string[] CreditNoteTypeCodes = ["381", "396", "81", "83", "532"];

    private static readonly string[] DateNames = ["IssueDate", "DueDate", "TaxPointDate", "StartDate", "EndDate", "ActualDeliveryDate"];

    private static void DocumentRules(Context check)
    {
        var root = check.Root;
        var customization = root.Element(Cbc("CustomizationID"));
        if (!Has(customization))
        {
            check.Add("BR-01", "An invoice has a specification identifier (cbc:CustomizationID).", root);
        }
        else if (!Text(customization)!.StartsWith(UblNames.CustomizationId, StringComparison.Ordinal))
        {
            check.Add("PEPPOL-EN16931-R004", $"The specification identifier is '{UblNames.CustomizationId}', not '{Text(customization)}'.", customization);
        }

        var profile = root.Element(Cbc("ProfileID"));
        if (profile is null)
        {
            check.Add("PEPPOL-EN16931-R001", "A business process (cbc:ProfileID) is given.", root);
        }
        else if (!ProfilePattern().IsMatch(Text(profile) ?? string.Empty))
        {
            check.Add("PEPPOL-EN16931-R007", $"The business process has the form urn:fdc:peppol.eu:2017:poacc:billing:NN:1.0, not '{profile.Value}'.", profile);
        }

        Required(check, root, "ID", "BR-02", "An invoice has a number (cbc:ID).");
        Required(check, root, "IssueDate", "BR-03", "An invoice has an issue date (cbc:IssueDate).");
        var typeName = check.IsCreditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode";
        var typeCode = root.Element(Cbc(typeName));
        if (!Has(typeCode))
        {
            check.Add("BR-04", $"An invoice has a type code (cbc:{typeName}).", root);
        }
        else if (!(check.IsCreditNote ? CreditNoteTypeCodes : InvoiceTypeCodes).Contains(Text(typeCode)))
        {
            check.Add(check.IsCreditNote ? "PEPPOL-EN16931-P0101" : "PEPPOL-EN16931-P0100", $"'{Text(typeCode)}' is not a {typeName} of Peppol's billing process.", typeCode);
        }

        if (check.Currency is null)
        {
            check.Add("BR-05", "An invoice has a currency code (cbc:DocumentCurrencyCode).", root);
        }
        else if (!UblCodeLists.Currencies.Contains(check.Currency))
        {
            check.Add("BR-CL-04", $"'{check.Currency}' is not an ISO 4217 currency code.", root.Element(Cbc("DocumentCurrencyCode")));
        }

        foreach (var date in root.Descendants().Where(e => e.Name.Namespace == UblNames.Cbc && DateNames.Contains(e.Name.LocalName)))
        {
            if (date.Value.Length != 10 || !DateOnly.TryParseExact(date.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                check.Add("PEPPOL-EN16931-F001", $"A date is written YYYY-MM-DD, not '{date.Value}'.", date);
            }
        }

        if (!Has(root.Element(Cbc("BuyerReference"))) && !Has(root.Element(Cac("OrderReference"))?.Element(Cbc("ID"))))
        {
            check.Add("PEPPOL-EN16931-R003", "A buyer reference (cbc:BuyerReference) or a purchase order reference (cac:OrderReference/cbc:ID) is given.", root);
        }

        var bothGerman = Text(check.Seller?.Element(Cac("PostalAddress"))?.Element(Cac("Country"))?.Element(Cbc("IdentificationCode"))) == "DE"
            && Text(check.Buyer?.Element(Cac("PostalAddress"))?.Element(Cac("Country"))?.Element(Cbc("IdentificationCode"))) == "DE";
        if (root.Elements(Cbc("Note")).Count() > 1 && !bothGerman)
        {
            check.Add("PEPPOL-EN16931-R002", "No more than one note is given on document level.", root);
        }

        var taxTotals = root.Elements(Cac("TaxTotal")).ToList();
        if (taxTotals.Count(t => t.Elements(Cac("TaxSubtotal")).Any()) != 1)
        {
            check.Add("PEPPOL-EN16931-R053", "Exactly one cac:TaxTotal carries the VAT breakdown (cac:TaxSubtotal).", root);
        }

        if (taxTotals.Count(t => !t.Elements(Cac("TaxSubtotal")).Any()) != (root.Element(Cbc("TaxCurrencyCode")) is null ? 0 : 1))
        {
            check.Add("PEPPOL-EN16931-R054", "A cac:TaxTotal without breakdown is given only for the VAT accounting currency, and then once.", root);
        }

        if (!taxTotals.Any(t => t.Elements(Cac("TaxSubtotal")).Any()))
        {
            check.Add("BR-CO-18", "An invoice has at least one VAT breakdown row (cac:TaxSubtotal).", root);
        }

        if (check.Lines.Count == 0)
        {
            check.Add("BR-16", $"An invoice has at least one line (cac:{check.LineName}).", root);
        }

        foreach (var empty in root.Descendants().Where(e => !e.HasElements && string.IsNullOrWhiteSpace(e.Value)))
        {
            check.Add("PEPPOL-EN16931-R008", $"The document contains no empty elements, but {empty.Name.LocalName} is empty.", empty);
        }

        PaymentRules(check);
    }

    private static void PaymentRules(Context check)
    {
        foreach (var means in check.Root.Elements(Cac("PaymentMeans")))
        {
            var code = Text(means.Element(Cbc("PaymentMeansCode")));
            if (code is null)
            {
                check.Add("BR-49", "Payment instructions give a payment means code (cbc:PaymentMeansCode).", means);
            }
            else if ((code is "30" or "58") && !Has(means.Element(Cac("PayeeFinancialAccount"))?.Element(Cbc("ID"))))
            {
                check.Add("BR-61", $"A credit transfer (payment means {code}) names the account to pay to (cac:PayeeFinancialAccount/cbc:ID).", means);
            }

            if (means.Element(Cac("PayeeFinancialAccount")) is { } account && !Has(account.Element(Cbc("ID"))))
            {
                check.Add("BR-50", "A payee account gives its identifier (cbc:ID).", account);
            }
        }
    }

    private static void Required(Context check, XElement parent, string name, string rule, string message)
    {
        if (!Has(parent.Element(Cbc(name))))
        {
            check.Add(rule, message, parent);
        }
    }

    [GeneratedRegex("^urn:fdc:peppol\\.eu:2017:poacc:billing:[0-9]{2}:1\\.0$", RegexOptions.CultureInvariant)]
    private static partial Regex ProfilePattern();
}
