using System.Collections.Frozen;
using DocSync.Core.Documents;

namespace DocSync.Core.Export.Ubl;

internal static partial class UblPlanner
{
    /// <summary>IBAN countries of the SEPA scheme: a EUR payment to one of these is a SEPA credit transfer (code 58).</summary>
    private static readonly FrozenSet<string> SepaCountries = new[]
    {
        "AD", "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GG", "GI", "GR", "HR",
        "HU", "IE", "IM", "IS", "IT", "JE", "LI", "LT", "LU", "LV", "MC", "MT", "NL", "NO", "PL", "PT", "RO", "SE",
        "SI", "SK", "SM", "VA",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Seller countries whose Peppol national rules need data DocSync does not hold (registry numbers in set forms,
    /// tax office marks, invoice number formats): DocSync writes no UBL for their sellers rather than a rejected one.
    /// </summary>
    private static readonly FrozenSet<string> UnsupportedSellerCountries = new[] { "DK", "EL", "GR", "IS", "IT", "NO", "SE" }
        .ToFrozenSet(StringComparer.Ordinal);

    private static UblPartyPlan? Party(string field, Party party, UblIdentifier? endpoint, UblIdentifier? legalId, bool writeVat, List<string> problems)
    {
        var vat = VatOf(party);
        var country = party.Address?.Country;
        var countryRule = field == "seller" ? "BR-09" : "BR-11";
        if (country is null)
        {
            problems.Add($"{field}.address.country: Peppol needs the {field}'s country ({countryRule}).");
        }
        else if (!UblCodeLists.Countries.Contains(country))
        {
            problems.Add($"{field}.address.country: '{country}' is not an ISO 3166-1 country code (BR-CL-14).");
        }

        var address = endpoint is null ? (vat is null ? null : PeppolIdentifiers.EndpointFor(vat)) : Checked(field, "endpoint", endpoint, problems);
        if (address is null && endpoint is null)
        {
            var rule = field == "seller" ? "PEPPOL-EN16931-R020" : "PEPPOL-EN16931-R010";
            problems.Add(vat is null
                ? $"{field}: Peppol needs the {field}'s electronic address: give a VAT number or a Peppol endpoint ({rule})."
                : $"{field}: DocSync cannot derive a Peppol address from a {vat[..2]} VAT number: give the {field}'s Peppol endpoint ({rule}).");
        }
        else if (address is not null && !UblCodeLists.EndpointSchemes.Contains(address.SchemeId))
        {
            problems.Add($"{field}: '{address.SchemeId}' is not a Peppol electronic address scheme (PEPPOL-EN16931-CL008).");
        }

        var legal = legalId is null ? (vat is null ? null : PeppolIdentifiers.LegalIdFor(vat)) : Checked(field, "legal id", legalId, problems);
        if (address is null || country is null)
        {
            return null;
        }

        var street = UblText.Clean(party.Address?.Street);
        return new UblPartyPlan(
            UblText.Clean(party.Name)!,
            address,
            writeVat ? vat : null,
            legal,
            street,
            UblText.Clean(party.Address?.City),
            UblText.Clean(party.Address?.PostalCode),
            country);
    }

    private static UblIdentifier? Checked(string field, string what, UblIdentifier id, List<string> problems)
    {
        var scheme = UblText.Clean(id.SchemeId);
        var value = UblText.Clean(id.Value);
        if (scheme is null || scheme.Length != 4 || !scheme.All(char.IsAsciiDigit) || value is null)
        {
            problems.Add($"{field} {what}: an identifier needs a 4-digit scheme and a value.");
            return null;
        }

        if (scheme == PeppolIdentifiers.BelgianEnterpriseNumberScheme && !PeppolIdentifiers.IsBelgianEnterpriseNumber(value))
        {
            problems.Add($"{field} {what}: '{value}' is not a Belgian enterprise number: 10 digits with mod 97 check digits (PEPPOL-COMMON-R043).");
            return null;
        }

        return new UblIdentifier(scheme, value);
    }

    /// <summary>The Peppol national rules that DocSync's data can meet or must refuse.</summary>
    private static void NationalRules(
        DocumentContent content, UblExtras extras, UblPartyPlan? seller, UblPartyPlan? buyer, UblPaymentPlan? payment, decimal buyerPays, List<string> problems)
    {
        var sellerCountry = content.Seller.Address?.Country;
        var vatPrefix = VatOf(content.Seller)?[..2];
        if ((sellerCountry is not null && UnsupportedSellerCountries.Contains(sellerCountry))
            || (vatPrefix is not null && UnsupportedSellerCountries.Contains(vatPrefix)))
        {
            problems.Add($"seller: Peppol's national rules for sellers in {sellerCountry ?? vatPrefix} need data DocSync does not hold; DocSync writes no UBL for them.");
        }

        if (sellerCountry == "DE" && content.Buyer?.Address?.Country == "DE")
        {
            problems.Add("seller: between two German parties Peppol requires the seller's contact person, telephone and e-mail (DE-R-002), which DocSync does not hold.");
        }

        if (sellerCountry != "NL")
        {
            return;
        }

        if (seller is not null && (seller.Street is null || seller.City is null || seller.PostalZone is null))
        {
            problems.Add("seller.address: a Dutch seller's address needs street, postal code and city (NL-R-002).");
        }

        if (seller?.LegalId is { } sellerLegal && sellerLegal.SchemeId is not ("0106" or "0190"))
        {
            problems.Add("seller legal id: a Dutch seller's legal identifier is a KvK (0106) or OIN (0190) number (NL-R-003).");
        }

        if (content.Type == DocumentType.CreditNote && UblText.Clean(extras.InvoiceReference) is null)
        {
            problems.Add("invoiceReference: a Dutch seller's credit note names the invoice it corrects (UblExtras.InvoiceReference) (NL-R-001).");
        }

        if (buyerPays > 0 && payment is null)
        {
            problems.Add("seller.iban: a Dutch seller states how to pay: the seller's IBAN is needed (NL-R-007).");
        }

        if (buyer is not null && buyer.Country == "NL")
        {
            if (buyer.Street is null || buyer.City is null || buyer.PostalZone is null)
            {
                problems.Add("buyer.address: between Dutch parties the buyer's address needs street, postal code and city (NL-R-004).");
            }

            if (buyer.LegalId is { } buyerLegal && buyerLegal.SchemeId is not ("0106" or "0190"))
            {
                problems.Add("buyer legal id: between Dutch parties the buyer's legal identifier is a KvK (0106) or OIN (0190) number (NL-R-005).");
            }
        }
    }
}
