using System.Text.RegularExpressions;

namespace DocSync.Core.Reading;

/// <summary>
/// Guesses the supplier's name, in this order: the text after a supplier heading ("From: ACME BV")
/// or the first name-like line below it (0.55), cut after its legal form when OCR joined it with the
/// customer's name beside it; the top line of the block above the supplier's VAT number (within six
/// lines with text), skipping address lines, countries and labels (0.5); the first name-like line of the
/// document that is not a title or a label (0.3). A legal form at the end (BV, NV, SA, SRL, SARL,
/// GmbH, Ltd…) adds 0.1. A name-like line has letters, no digits unless it ends with a legal form,
/// and is neither a label, a heading, a date, an amount nor a country.
/// </summary>
internal static partial class SupplierNameFinder
{
    public static ExtractedField? Find(ExtractionText text, PartyBlocks parties, bool[] labelled, VatCandidate? vat)
    {
        if (parties.SupplierHeading is { } heading)
        {
            if (heading.After >= 0 && Columns().Match(text.Lines[heading.Line], heading.After).Value.Trim() is var inline && IsName(text, labelled, parties, -1, inline))
            {
                return Field(inline, 0.55);
            }

            for (var line = heading.Line + 1; line < text.Count && line <= heading.Line + 4; line++)
            {
                var candidate = Segment(text.Lines[line], heading.Column);
                if (parties.SideBySide(heading.Line) && LegalFormInside().Match(candidate) is { Success: true } joined)
                {
                    // Both names on one line ("Atelier BV Café du Commerce SRL"): the supplier's ends with its legal form.
                    candidate = candidate[..(joined.Index + joined.Length)];
                }

                if (IsName(text, labelled, parties, line, candidate))
                {
                    return Field(candidate, 0.55);
                }
            }
        }

        if (vat is not null && vat.Role != PartyRole.Customer)
        {
            string? top = null;
            var budget = 6;
            for (var line = vat.Line - 1; line >= 0 && budget > 0; line--)
            {
                var candidate = Segment(text.Lines[line], vat.Start);
                if (candidate.Length == 0)
                {
                    continue;
                }

                budget--;
                if (IsAddress(text, line, candidate))
                {
                    continue;
                }

                if (!IsName(text, labelled, parties, line, candidate))
                {
                    break;
                }

                top = candidate;
            }

            if (top is not null)
            {
                return Field(top, 0.5);
            }
        }

        for (var line = 0; line < text.Count; line++)
        {
            var candidate = text.Lines[line].Trim();
            if (IsName(text, labelled, parties, line, candidate))
            {
                return Field(candidate, 0.3);
            }
        }

        return null;
    }

    private static ExtractedField Field(string name, double confidence) =>
        new(name, LegalForm().IsMatch(name) ? confidence + 0.1 : confidence);

    // In a layout with columns, the text of the column at a position; otherwise the whole line.
    private static string Segment(string line, int column)
    {
        var segments = Columns().Matches(line).Cast<Match>().ToList();
        if (segments.Count <= 1)
        {
            return line.Trim();
        }

        return segments.LastOrDefault(s => s.Index <= column + 2, segments[0]).Value.Trim();
    }

    private static bool IsName(ExtractionText text, bool[] labelled, PartyBlocks parties, int line, string candidate)
    {
        if (candidate.Length is < 2 or > 80 || candidate.Count(char.IsLetter) < 2 || (line >= 0 && (parties.IsHeading(line) || labelled[line] || FieldLabels.TitleEnd(text, line) >= 0)) || TableHeader().IsMatch(ReadText.Fold(candidate))
            || Countries().IsMatch(ReadText.Fold(candidate)))
        {
            return false;
        }

        return !candidate.Any(char.IsDigit) || LegalForm().IsMatch(candidate);
    }

    private static bool IsAddress(ExtractionText text, int line, string candidate) =>
        Countries().IsMatch(ReadText.Fold(candidate)) || (candidate.Any(char.IsDigit) && !LegalForm().IsMatch(candidate))
        || Contact().IsMatch(text.Folded[line]);

    [GeneratedRegex(@"\S+(?: \S+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Columns();

    [GeneratedRegex(@"^.+?(?<![\p{L}])(?:BV|NV|SA|SRL|SPRL|SARL|SAS|BVBA|VOF|GmbH|Ltd|LLC|Inc)\.?(?=\s+\S)", RegexOptions.CultureInvariant)]
    private static partial Regex LegalFormInside();

    [GeneratedRegex(@"(?<![\p{L}])(?:B\.?V\.?|N\.?V\.?|S\.?A\.?|S\.?R\.?L\.?|SPRL|SARL|SAS|SASU|EURL|BVBA|VOF|CVBA|CV|Comm\.?\s?V|SCS|SNC|GmbH|AG|Ltd\.?|Limited|LLC|Inc\.?|PLC|LLP)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LegalForm();

    [GeneratedRegex(@"^(?:belgium|belgique|belgie|the\s+netherlands|netherlands|nederland|pays-bas|france|frankrijk|frankreich|luxembourg|luxemburg|germany|allemagne|duitsland|deutschland|united\s+kingdom|royaume-uni|verenigd\s+koninkrijk|spain|espagne|spanje|italy|italie|italie)$", RegexOptions.CultureInvariant)]
    private static partial Regex Countries();

    [GeneratedRegex(@"(?<![\p{L}])(?:description|omschrijving|designation|qty|quantity|aantal|quantite|qte|article|artikel|unit|prix|price|prijs)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex TableHeader();

    [GeneratedRegex(@"@|www\.|https?:|tel|phone|fax|gsm", RegexOptions.CultureInvariant)]
    private static partial Regex Contact();
}
