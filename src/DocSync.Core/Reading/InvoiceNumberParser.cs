using System.Text.RegularExpressions;

namespace DocSync.Core.Reading;

/// <summary>Reads an invoice number where a label leaves off: <c>F2025-0001</c>, <c>2025/123</c>, <c>INV-77</c>, <c>F 2025-0001</c>.</summary>
internal static partial class InvoiceNumberParser
{
    /// <summary>The number at the start of <paramref name="text"/> (after separators such as <c>:</c>, <c>#</c>, <c>n°</c>) and where it ends; null when there is none.</summary>
    public static (string Value, int End)? Read(string text, int from = 0)
    {
        var match = Number().Match(text, from);
        if (!match.Success)
        {
            return null;
        }

        // A short letter prefix set apart ("F 2025-0001") belongs to the number.
        var value = match.Groups["prefix"].Value + match.Groups["rest"].Value;
        value = value.TrimEnd('.', '-', '/', ',');
        if (value.Length is < 2 or > 30 || !value.Any(char.IsAsciiDigit) || Amount().IsMatch(value) || DateParser.Find(value).Any(d => d.End - d.Start >= value.Length - 1)
            || VatLike().IsMatch(value))
        {
            return null;
        }

        return (value, match.Index + match.Length);
    }

    [GeneratedRegex(@"\G[\s:.#°º*\-–]*(?:(?:no|nr|n°)\.?\s+)?(?:(?<prefix>[A-Za-z]{1,4})\s(?=\d))?(?<rest>[A-Za-z0-9][A-Za-z0-9/_.\-]*)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Number();

    [GeneratedRegex(@"^-?\d{1,3}(?:[.,' ]\d{3})*[.,]\d{2}$|^\d+[.,]\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Amount();

    [GeneratedRegex(@"^[A-Z]{2}\d{8,}", RegexOptions.CultureInvariant)]
    private static partial Regex VatLike();
}
