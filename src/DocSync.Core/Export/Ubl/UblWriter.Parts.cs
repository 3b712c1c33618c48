using System.Xml.Linq;

namespace DocSync.Core.Export.Ubl;

public static partial class UblWriter
{
    private static XElement Party(UblPartyPlan party) => Cac(
        "Party",
        new XElement(UblNames.Cbc + "EndpointID", new XAttribute("schemeID", party.Endpoint.SchemeId), party.Endpoint.Value),
        Cac("PartyName", Cbc("Name", party.Name)),
        Cac(
            "PostalAddress",
            Cbc("StreetName", party.Street),
            Cbc("CityName", party.City),
            Cbc("PostalZone", party.PostalZone),
            Cac("Country", Cbc("IdentificationCode", party.Country))),
        party.VatId is null ? null : Cac("PartyTaxScheme", Cbc("CompanyID", party.VatId), Cac("TaxScheme", Cbc("ID", "VAT"))),
        Cac(
            "PartyLegalEntity",
            Cbc("RegistrationName", party.Name),
            party.LegalId is null ? null : new XElement(UblNames.Cbc + "CompanyID", new XAttribute("schemeID", party.LegalId.SchemeId), party.LegalId.Value)));

    private static XElement TaxTotal(UblPlan plan) => Cac(
        "TaxTotal",
        Amount("TaxAmount", plan.TaxTotal, plan.Currency),
        plan.TaxRows.Select(row => Cac(
            "TaxSubtotal",
            Amount("TaxableAmount", row.Taxable, plan.Currency),
            Amount("TaxAmount", row.Tax, plan.Currency),
            TaxCategory("TaxCategory", row.Category, withExemption: true))));

    private static XElement MonetaryTotal(UblPlan plan) => Cac(
        "LegalMonetaryTotal",
        Amount("LineExtensionAmount", plan.LineTotal, plan.Currency),
        Amount("TaxExclusiveAmount", plan.LineTotal, plan.Currency),
        Amount("TaxInclusiveAmount", plan.TotalInclVat, plan.Currency),
        Amount("PayableAmount", plan.TotalInclVat, plan.Currency));

    private static XElement Line(UblPlan plan, UblLinePlan line) => Cac(
        plan.IsCreditNote ? "CreditNoteLine" : "InvoiceLine",
        Cbc("ID", line.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new XElement(
            UblNames.Cbc + (plan.IsCreditNote ? "CreditedQuantity" : "InvoicedQuantity"),
            new XAttribute("unitCode", UblNames.UnitCode),
            UblText.Quantity(line.Quantity)),
        Amount("LineExtensionAmount", line.Net, plan.Currency),
        Cac("Item", Cbc("Name", line.Name), TaxCategory("ClassifiedTaxCategory", line.Category, withExemption: false)),
        Cac("Price", new XElement(UblNames.Cbc + "PriceAmount", new XAttribute("currencyID", plan.Currency), UblText.Price(line.Price))));

    // Exemption reasons belong to the breakdown (BT-120, BT-121); a line's category carries only code and rate.
    private static XElement TaxCategory(string name, UblTaxCategory category, bool withExemption) => Cac(
        name,
        Cbc("ID", category.Code),
        Cbc("Percent", category.Percent is { } percent ? UblText.Percent(percent) : null),
        withExemption ? Cbc("TaxExemptionReasonCode", category.ExemptionCode) : null,
        withExemption ? Cbc("TaxExemptionReason", category.ExemptionReason) : null,
        Cac("TaxScheme", Cbc("ID", "VAT")));
}
