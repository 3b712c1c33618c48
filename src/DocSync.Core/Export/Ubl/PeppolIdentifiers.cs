using System.Collections.Frozen;
using System.Globalization;

namespace DocSync.Core.Export.Ubl;

/// <summary>
/// Derives Peppol identifiers from VAT numbers. A Belgian VAT number gives the enterprise number under scheme
/// <c>0208</c> (the address every Belgian company has on Peppol since 2026). Other VAT numbers give an address under
/// their country's VAT scheme from Peppol's EAS list, the value being the whole VAT number with its prefix
/// (e.g. <c>9944:NL123456789B01</c>, <c>9957:FR40303265045</c>). Prefixes without such a scheme (e.g. IT, DK, SE, NO,
/// whose Peppol addresses are registry numbers, not VAT numbers) give none: the caller must supply the address.
/// </summary>
internal static class PeppolIdentifiers
{
    /// <summary>Scheme of the Belgian enterprise number (KBO/BCE) for endpoints and legal registration identifiers.</summary>
    public const string BelgianEnterpriseNumberScheme = "0208";

    private static readonly FrozenDictionary<string, string> VatSchemes = new Dictionary<string, string>
    {
        ["AD"] = "9922", ["AL"] = "9923", ["AT"] = "9914", ["BA"] = "9924", ["BE"] = "9925", ["BG"] = "9926",
        ["CH"] = "9927", ["CY"] = "9928", ["CZ"] = "9929", ["DE"] = "9930", ["EE"] = "9931", ["EL"] = "9933",
        ["ES"] = "9920", ["FI"] = "0213", ["FR"] = "9957", ["GB"] = "9932", ["HR"] = "9934", ["HU"] = "9910",
        ["IE"] = "9935", ["LI"] = "9936", ["LT"] = "9937", ["LU"] = "9938", ["LV"] = "9939", ["MC"] = "9940",
        ["ME"] = "9941", ["MK"] = "9942", ["MT"] = "9943", ["NL"] = "9944", ["PL"] = "9945", ["PT"] = "9946",
        ["RO"] = "9947", ["RS"] = "9948", ["SI"] = "9949", ["SK"] = "9950", ["SM"] = "9951", ["TR"] = "9952",
        ["VA"] = "9953",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The Peppol address for a normalized VAT number, or <see langword="null"/> when its country has no VAT scheme.</summary>
    /// <param name="vat">A VAT number as <see cref="Validation.VatNumbers.Normalize"/> returns it.</param>
    public static UblIdentifier? EndpointFor(string vat)
    {
        if (BelgianEnterpriseNumber(vat) is { } enterprise)
        {
            return new UblIdentifier(BelgianEnterpriseNumberScheme, enterprise);
        }

        return vat.Length > 2 && VatSchemes.TryGetValue(vat[..2], out var scheme) ? new UblIdentifier(scheme, vat) : null;
    }

    /// <summary>The legal registration identifier a VAT number implies: the enterprise number for Belgium, else none.</summary>
    /// <param name="vat">A normalized VAT number.</param>
    public static UblIdentifier? LegalIdFor(string vat) =>
        BelgianEnterpriseNumber(vat) is { } enterprise ? new UblIdentifier(BelgianEnterpriseNumberScheme, enterprise) : null;

    /// <summary>The 10-digit enterprise number of a Belgian VAT number (<c>BE0477472701</c> → <c>0477472701</c>), else <see langword="null"/>.</summary>
    /// <param name="vat">A normalized VAT number.</param>
    public static string? BelgianEnterpriseNumber(string vat) =>
        vat.Length == 12 && vat.StartsWith("BE", StringComparison.Ordinal) && IsBelgianEnterpriseNumber(vat[2..]) ? vat[2..] : null;

    /// <summary>Whether <paramref name="value"/> is 10 digits whose last two are 97 − (the first eight mod 97), as PEPPOL-COMMON-R043 checks.</summary>
    /// <param name="value">The candidate enterprise number.</param>
    public static bool IsBelgianEnterpriseNumber(string value) =>
        value.Length == 10
        && value.All(char.IsAsciiDigit)
        && 97 - (long.Parse(value.AsSpan(0, 8), CultureInfo.InvariantCulture) % 97) == int.Parse(value.AsSpan(8), CultureInfo.InvariantCulture);
}
