using System.Globalization;
using System.Text;
using System.Xml;

namespace DocSync.Core.Export.Ubl;

/// <summary>How values are spelled in the UBL: invariant culture, fixed decimals, text XML 1.0 can carry.</summary>
internal static class UblText
{
    /// <summary>A monetary amount: two decimals, e.g. <c>1234.50</c>, <c>-0.35</c>.</summary>
    public static string Amount(decimal value) => Plain(value).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A unit price: two to four decimals, e.g. <c>189.00</c>, <c>12.335</c>.</summary>
    public static string Price(decimal value) => Plain(value).ToString("0.00##", CultureInfo.InvariantCulture);

    /// <summary>A quantity: as few decimals as it needs (at most four), e.g. <c>3</c>, <c>0.5</c>.</summary>
    public static string Quantity(decimal value) => Plain(value).ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A VAT rate in percent, e.g. <c>21</c>, <c>5.5</c>.</summary>
    public static string Percent(decimal value) => Plain(value).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A date as <c>YYYY-MM-DD</c>.</summary>
    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Text trimmed and stripped of characters XML 1.0 cannot hold (control characters other than tab and line
    /// breaks, unpaired surrogates); <see langword="null"/> when nothing is left, since Peppol forbids empty elements.
    /// </summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                kept.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                kept.Append(c);
            }
        }

        var clean = kept.ToString().Trim();
        return clean.Length == 0 ? null : clean;
    }

    // A decimal can carry a negative zero, which would print as "-0.00".
    private static decimal Plain(decimal value) => value == 0 ? 0m : value;
}
