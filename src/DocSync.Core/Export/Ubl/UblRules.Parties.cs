using System.Xml.Linq;

namespace DocSync.Core.Export.Ubl;

public static partial class UblRules
{
    private static void PartyRules(Context check)
    {
        Party(check, check.Seller, "seller", "AccountingSupplierParty", ("BR-06", "BR-08", "BR-09", "PEPPOL-EN16931-R020", "BR-62"));
        Party(check, check.Buyer, "buyer", "AccountingCustomerParty", ("BR-07", "BR-10", "BR-11", "PEPPOL-EN16931-R010", "BR-63"));

        if (check.Seller is { } seller
            && VatId(seller) is null
            && !Has(seller.Element(Cac("PartyIdentification"))?.Element(Cbc("ID")))
            && !Has(seller.Element(Cac("PartyLegalEntity"))?.Element(Cbc("CompanyID"))))
        {
            check.Add("BR-CO-26", "The seller is identified by a VAT number, an identifier or a legal registration identifier.", seller);
        }

        foreach (var country in check.Root.Descendants(Cac("Country")).Select(c => c.Element(Cbc("IdentificationCode"))).OfType<XElement>())
        {
            if (Text(country) is { } code && !UblCodeLists.Countries.Contains(code))
            {
                check.Add("BR-CL-14", $"'{code}' is not an ISO 3166-1 country code.", country);
            }
        }

        var parties = new[] { check.Seller, check.Buyer, check.Root.Element(Cac("TaxRepresentativeParty")) };
        foreach (var vat in parties.OfType<XElement>().Select(VatId).OfType<XElement>())
        {
            var prefix = Text(vat) is { Length: >= 2 } id ? id[..2] : string.Empty;
            if (prefix != "EL" && !UblCodeLists.Countries.Contains(prefix))
            {
                check.Add("BR-CO-09", $"A VAT identifier starts with its country's ISO 3166-1 code (EL for Greece); '{vat.Value}' does not.", vat);
            }
        }

        var belgian = check.Root.Descendants()
            .Where(e => e.Name == Cbc("EndpointID") || e.Name == Cbc("CompanyID") || (e.Name == Cbc("ID") && e.Parent?.Name == Cac("PartyIdentification")))
            .Where(e => (string?)e.Attribute("schemeID") == PeppolIdentifiers.BelgianEnterpriseNumberScheme);
        foreach (var number in belgian)
        {
            if (!PeppolIdentifiers.IsBelgianEnterpriseNumber(Text(number) ?? string.Empty))
            {
                check.Add("PEPPOL-COMMON-R043", $"A Belgian enterprise number (0208) is 10 digits with mod 97 check digits; '{number.Value}' is not.", number);
            }
        }
    }

    private static void Party(
        Context check, XElement? party, string who, string element, (string Name, string Address, string Country, string Endpoint, string Scheme) rules)
    {
        if (party is null)
        {
            check.Add(rules.Name, $"The invoice names the {who} (cac:{element}/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName).", check.Root);
            check.Add(rules.Address, $"The invoice gives the {who}'s postal address.", check.Root);
            check.Add(rules.Endpoint, $"The {who}'s electronic address (cbc:EndpointID) is given.", check.Root);
            return;
        }

        if (!Has(party.Element(Cac("PartyLegalEntity"))?.Element(Cbc("RegistrationName"))))
        {
            check.Add(rules.Name, $"The invoice names the {who} (cac:PartyLegalEntity/cbc:RegistrationName).", party);
        }

        if (party.Element(Cac("PostalAddress")) is not { } address)
        {
            check.Add(rules.Address, $"The invoice gives the {who}'s postal address (cac:PostalAddress).", party);
        }
        else if (!Has(address.Element(Cac("Country"))?.Element(Cbc("IdentificationCode"))))
        {
            check.Add(rules.Country, $"The {who}'s postal address gives a country code (cac:Country/cbc:IdentificationCode).", address);
        }

        if (party.Element(Cbc("EndpointID")) is not { } endpoint)
        {
            check.Add(rules.Endpoint, $"The {who}'s electronic address (cbc:EndpointID) is given.", party);
        }
        else if (endpoint.Attribute("schemeID") is not { } scheme)
        {
            check.Add(rules.Scheme, $"The {who}'s electronic address has a scheme identifier (@schemeID).", endpoint);
        }
        else if (!UblCodeLists.EndpointSchemes.Contains(scheme.Value))
        {
            check.Add("PEPPOL-EN16931-CL008", $"'{scheme.Value}' is not in Peppol's Electronic Address Scheme list.", scheme);
        }
    }

    /// <summary>The party's VAT identifier (cac:PartyTaxScheme with TaxScheme VAT, cbc:CompanyID), if any.</summary>
    private static XElement? VatId(XElement party) =>
        party.Elements(Cac("PartyTaxScheme")).Where(IsVat).Select(s => s.Element(Cbc("CompanyID"))).FirstOrDefault(Has);
}
