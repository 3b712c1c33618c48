using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace DocSync.Core.Validation;

/// <summary>IBAN checks: shape, length per country (for the countries listed) and the ISO 13616 mod-97 check digits.</summary>
public static partial class Iban
{
    private static readonly FrozenDictionary<string, int> Lengths = new Dictionary<string, int>
    {
        ["AT"] = 20, ["BE"] = 16, ["BG"] = 22, ["CH"] = 21, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DK"] = 18,
        ["EE"] = 20, ["ES"] = 24, ["FI"] = 18, ["FR"] = 27, ["GB"] = 22, ["GR"] = 27, ["HR"] = 21, ["HU"] = 28,
        ["IE"] = 22, ["IS"] = 26, ["IT"] = 27, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["MC"] = 27,
        ["MT"] = 31, ["NL"] = 18, ["NO"] = 15, ["PL"] = 28, ["PT"] = 25, ["RO"] = 24, ["SE"] = 24, ["SI"] = 19,
        ["SK"] = 24, ["SM"] = 27,
    }.ToFrozenDictionary();

    /// <summary>Removes spaces and dashes and upper-cases, e.g. <c>be68 5390 0754 7034</c> → <c>BE68539007547034</c>.</summary>
    /// <param name="input">The IBAN as typed.</param>
    public static string Normalize(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return string.Concat(input.Where(c => c is not (' ' or '-' or '\u00A0'))).ToUpperInvariant();
    }

    /// <summary>Checks an IBAN; returns <see langword="null"/> when valid, else an error naming the rule.</summary>
    /// <param name="input">The IBAN, spaces allowed.</param>
    /// <param name="field">The field name for the error.</param>
    public static ValidationError? Check(string input, string field)
    {
        var iban = Normalize(input);
        if (!Shape().IsMatch(iban))
        {
            return new ValidationError(field, "iban-format",
                "An IBAN is a 2-letter country code, 2 check digits and 11 to 30 letters or digits.");
        }

        var country = iban[..2];
        if (Lengths.TryGetValue(country, out var length) && iban.Length != length)
        {
            return new ValidationError(field, "iban-length", $"An IBAN from {country} has {length} characters, not {iban.Length}.");
        }

        var rearranged = string.Concat(iban.AsSpan(4), iban.AsSpan(0, 4));
        return Mod97.Remainder(rearranged) == 1
            ? null
            : new ValidationError(field, "iban-checksum", "The IBAN's check digits do not match (ISO 13616 mod 97).");
    }

    [GeneratedRegex("^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
