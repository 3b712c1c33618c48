using System.Globalization;
using System.Text.RegularExpressions;

namespace DocSync.Core.Reading;

/// <summary>
/// Finds amounts written the European and the English way: <c>1.234,56</c>, <c>1 234,56</c>,
/// <c>1,234.56</c>, <c>1234.56</c>, <c>1234,56</c>, <c>€ 500,-</c>, with a currency sign or code
/// before or after. An amount needs its cents (or <c>,-</c>), so that quantities, years and VAT
/// rates (<c>21%</c>, <c>5,5 %</c>) are not taken for amounts.
/// </summary>
internal static partial class AmountParser
{
    /// <summary>The amounts on a line, left to right.</summary>
    public static IReadOnlyList<FoundAmount> Find(string line)
    {
        var found = new List<FoundAmount>();
        foreach (Match match in Amount().Matches(line))
        {
            if (Parse(match.Groups["number"].Value) is not { } value)
            {
                continue;
            }

            if (match.Groups["minus"].Success)
            {
                value = -value;
            }

            var currency = match.Groups["before"].Success ? match.Groups["before"].Value : match.Groups["after"].Success ? match.Groups["after"].Value : null;
            found.Add(new FoundAmount(value, match.Index, match.Index + match.Length, currency is null ? null : CurrencyCode(currency)));
        }

        return found;
    }

    /// <summary>
    /// Parses one number with a decimal part: the last <c>.</c> or <c>,</c> followed by exactly two
    /// digits (or by <c>-</c>) is the decimal separator; the other separators group thousands and
    /// must all be the same and three digits apart. <see langword="null"/> for anything else.
    /// </summary>
    public static decimal? Parse(string number)
    {
        var text = number.Replace('\u00A0', ' ').Replace('\u202F', ' ');
        if (text.EndsWith(",-", StringComparison.Ordinal) || text.EndsWith(".-", StringComparison.Ordinal))
        {
            text = text[..^2] + ".00";
        }

        var point = text.LastIndexOfAny(['.', ',']);
        if (point < 0 || text.Length - point - 1 != 2)
        {
            return null;
        }

        var whole = text[..point];
        // "1,189,00" is OCR's "1,189.00": the last separator is the decimal one even when it is the same.
        var separators = whole.Where(c => c is '.' or ',' or ' ' or '\'').Distinct().ToList();
        if (separators.Count > 1)
        {
            return null;
        }

        var groups = separators.Count == 0 ? [whole] : whole.Split(separators[0]);
        if (groups.Length > 1 && (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3)))
        {
            return null;
        }

        return decimal.TryParse(string.Concat(groups) + "." + text[(point + 1)..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>The ISO 4217 code of a currency sign or code: <c>€</c> → <c>EUR</c>.</summary>
    public static string CurrencyCode(string sign) => sign.Trim().ToUpperInvariant() switch
    {
        "€" or "EUR" or "EURO" or "EUROS" => "EUR",
        "$" or "US$" or "USD" => "USD",
        "£" or "GBP" => "GBP",
        "CHF" => "CHF",
        var other => other,
    };

    // A number: digits in groups of three (one kind of separator) or not grouped, then two decimals
    // or ",-". Not inside a longer number, not a percentage.
    [GeneratedRegex(
        @"(?<!\p{N}[.,]?)(?<minus>-\s?)?(?:(?<before>€|EUR|USD|US\$|\$|£|GBP|CHF)\s?)?(?<minus>-\s?)?(?<number>\d{1,3}(?:[.,' \u00A0\u202F]\d{3})+(?:[.,]\d{2}|,-)|\d+(?:[.,]\d{2}|,-))(?![\d%])(?![.,]\d)(?!\s?%)(?:\s?(?<after>€|EUR|EUROS?|USD|\$|£|GBP|CHF)(?![\p{L}]))?",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Amount();
}
