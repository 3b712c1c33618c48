using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace DocSync.Core.Validation;

/// <summary>
/// VAT number checks. Belgium (mod 97), France (key), the Netherlands (elfproef or mod 97),
/// Germany (ISO 7064 MOD 11,10) and Luxembourg (mod 89) are checked digit by digit; other EU
/// prefixes (Greece as <c>EL</c>, Northern Ireland as <c>XI</c>) by the general EU shape; other
/// countries (e.g. <c>GB</c>, <c>CH</c>) by shape only: two letters and 2 to 14 letters or digits.
/// </summary>
public static partial class VatNumbers
{
    private static readonly FrozenSet<string> EuPrefixes = new[]
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT",
        "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI",
    }.ToFrozenSet();

    /// <summary>Removes spaces, dots and dashes and upper-cases, e.g. <c>be 0477.472.701</c> → <c>BE0477472701</c>.</summary>
    /// <param name="input">The VAT number as typed.</param>
    public static string Normalize(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var compact = string.Concat(input.Where(c => c is not (' ' or '.' or '-' or '\u00A0'))).ToUpperInvariant();

        // Old Belgian numbers have 9 digits; the current form prefixes them with 0.
        return compact.Length == 11 && compact.StartsWith("BE", StringComparison.Ordinal) && compact[2..].All(char.IsAsciiDigit)
            ? "BE0" + compact[2..]
            : compact;
    }

    /// <summary>Checks a VAT number; returns <see langword="null"/> when valid, else an error naming the rule.</summary>
    /// <param name="input">The VAT number with its country prefix; spaces and dots allowed.</param>
    /// <param name="field">The field name for the error.</param>
    public static ValidationError? Check(string input, string field)
    {
        var vat = Normalize(input);
        if (!General().IsMatch(vat))
        {
            return Format(field, "a 2-letter country prefix and 2 to 14 letters or digits");
        }

        var body = vat[2..];
        return vat[..2] switch
        {
            "BE" => CheckBelgium(body, field),
            "FR" => CheckFrance(body, field),
            "NL" => CheckNetherlands(vat, field),
            "DE" => CheckGermany(body, field),
            "LU" => CheckLuxembourg(body, field),
            var prefix when EuPrefixes.Contains(prefix) => EuBody().IsMatch(body) ? null : Format(field, $"{prefix} and 2 to 12 letters or digits"),
            _ => null,
        };
    }

    private static ValidationError? CheckBelgium(string body, string field)
    {
        if (!BelgiumBody().IsMatch(body))
        {
            return Format(field, "BE and 10 digits starting with 0 or 1");
        }

        var check = 97 - (int)(long.Parse(body[..8], System.Globalization.CultureInfo.InvariantCulture) % 97);
        return check == int.Parse(body[8..], System.Globalization.CultureInfo.InvariantCulture) ? null : Checksum(field, "BE", "mod 97");
    }

    private static ValidationError? CheckFrance(string body, string field)
    {
        if (!FranceBody().IsMatch(body))
        {
            return Format(field, "FR, a 2-character key and the 9-digit SIREN");
        }

        // Alphanumeric keys (rare, newer numbers) follow an unpublished scheme: checked by shape only.
        if (!char.IsAsciiDigit(body[0]) || !char.IsAsciiDigit(body[1]))
        {
            return null;
        }

        var siren = long.Parse(body[2..], System.Globalization.CultureInfo.InvariantCulture);
        var key = (12 + (3 * (siren % 97))) % 97;
        return key == int.Parse(body[..2], System.Globalization.CultureInfo.InvariantCulture) ? null : Checksum(field, "FR", "key");
    }

    private static ValidationError? CheckNetherlands(string vat, string field)
    {
        if (!NetherlandsBody().IsMatch(vat[2..]))
        {
            return Format(field, "NL, 9 digits, B and 2 digits");
        }

        // Legal entities use the elfproef on the 9 digits; sole proprietors (since 2020) mod 97 over the whole number.
        var digits = vat.AsSpan(2, 9);
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (digits[i] - '0') * (9 - i);
        }

        sum -= digits[8] - '0';
        return sum % 11 == 0 || Mod97.Remainder(vat) == 1 ? null : Checksum(field, "NL", "elfproef or mod 97");
    }

    private static ValidationError? CheckGermany(string body, string field)
    {
        if (!GermanyBody().IsMatch(body))
        {
            return Format(field, "DE and 9 digits");
        }

        var product = 10;
        for (var i = 0; i < 8; i++)
        {
            var sum = (body[i] - '0' + product) % 10;
            if (sum == 0)
            {
                sum = 10;
            }

            product = 2 * sum % 11;
        }

        var check = 11 - product;
        if (check == 10)
        {
            check = 0;
        }

        return check == body[8] - '0' ? null : Checksum(field, "DE", "ISO 7064 MOD 11,10");
    }

    private static ValidationError? CheckLuxembourg(string body, string field)
    {
        if (!LuxembourgBody().IsMatch(body))
        {
            return Format(field, "LU and 8 digits");
        }

        var check = int.Parse(body[..6], System.Globalization.CultureInfo.InvariantCulture) % 89;
        return check == int.Parse(body[6..], System.Globalization.CultureInfo.InvariantCulture) ? null : Checksum(field, "LU", "mod 89");
    }

    private static ValidationError Format(string field, string shape) =>
        new(field, "vat-number-format", $"A VAT number here is {shape}.");

    private static ValidationError Checksum(string field, string country, string rule) =>
        new(field, "vat-number-checksum", $"This {country} VAT number's check digits do not match ({rule}).");

    [GeneratedRegex("^[A-Z]{2}[0-9A-Z]{2,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex General();

    [GeneratedRegex("^[0-9A-Z]{2,12}$", RegexOptions.CultureInvariant)]
    private static partial Regex EuBody();

    [GeneratedRegex("^[01][0-9]{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex BelgiumBody();

    [GeneratedRegex("^[0-9A-HJ-NP-Z]{2}[0-9]{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex FranceBody();

    [GeneratedRegex("^[0-9]{9}B[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex NetherlandsBody();

    [GeneratedRegex("^[0-9]{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex GermanyBody();

    [GeneratedRegex("^[0-9]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex LuxembourgBody();
}
