namespace DocSync.Core.Export.Ubl;

/// <summary>A seller or buyer as the UBL states it.</summary>
/// <param name="Name">Legal name.</param>
/// <param name="Endpoint">Peppol electronic address.</param>
/// <param name="VatId">VAT identifier with country prefix, if written.</param>
/// <param name="LegalId">Legal registration identifier, if any.</param>
/// <param name="Street">Street and number.</param>
/// <param name="City">City.</param>
/// <param name="PostalZone">Postal code.</param>
/// <param name="Country">ISO 3166-1 country code.</param>
internal sealed record UblPartyPlan(
    string Name,
    UblIdentifier Endpoint,
    string? VatId,
    UblIdentifier? LegalId,
    string? Street,
    string? City,
    string? PostalZone,
    string Country);
