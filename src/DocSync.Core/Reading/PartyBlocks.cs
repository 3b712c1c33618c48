using System.Text.RegularExpressions;

namespace DocSync.Core.Reading;

/// <summary>
/// Where a document's supplier and customer blocks are: a heading ("Supplier", "From:", "Fournisseur",
/// "Leverancier"; "Customer", "Bill to", "Client", "Facturé à", "Klant", "Aan:") starts a block that
/// runs over the next <see cref="BlockLines"/> lines with text, or to the next heading. Two headings
/// side by side (a layout keeping columns) split the lines below by column.
/// </summary>
internal sealed partial class PartyBlocks
{
    /// <summary>How many lines with text a block runs over at most: a name, an address, a VAT number, an IBAN, contacts.</summary>
    public const int BlockLines = 8;

    private readonly ExtractionText _text;
    private readonly List<(int Line, IReadOnlyList<(int Column, PartyRole Role, int After)> Headings)> _headings = [];

    public PartyBlocks(ExtractionText text)
    {
        _text = text;
        for (var line = 0; line < text.Count; line++)
        {
            var headings = Headings(text.Folded[line]);
            if (headings.Count > 0)
            {
                _headings.Add((line, headings));
            }
        }
    }

    /// <summary>
    /// The first supplier heading: its line, its column, and where the text after its colon starts
    /// on that line (-1 when nothing follows it).
    /// </summary>
    public (int Line, int Column, int After)? SupplierHeading =>
        _headings.SelectMany(h => h.Headings.Where(x => x.Role == PartyRole.Supplier).Select(x => ((int Line, int Column, int After)?)(h.Line, x.Column, x.After)))
            .FirstOrDefault();

    /// <summary>Whether line <paramref name="line"/> is a heading.</summary>
    public bool IsHeading(int line) => _headings.Any(h => h.Line == line);

    /// <summary>The role of the block that position <paramref name="column"/> of line <paramref name="line"/> is in.</summary>
    public PartyRole RoleAt(int line, int column)
    {
        var marked = Marker(_text.Folded[line][..Math.Min(column, _text.Folded[line].Length)]);
        if (marked != PartyRole.Unknown)
        {
            return marked;
        }

        var heading = _headings.LastOrDefault(h => h.Line <= line);
        if (heading.Headings is null || LinesWithText(heading.Line, line) > BlockLines)
        {
            return PartyRole.Unknown;
        }

        // One heading covers the whole width; of several side by side, the nearest on the left.
        return heading.Headings.LastOrDefault(h => h.Column <= column + 2, heading.Headings[0]).Role;
    }

    private int LinesWithText(int from, int to) =>
        Enumerable.Range(from + 1, Math.Max(0, to - from)).Count(i => !string.IsNullOrWhiteSpace(_text.Lines[i]));

    // Words on the line itself: "Customer VAT", "Votre n° TVA", "Uw btw-nummer" (customer); "Our VAT" (supplier).
    private static PartyRole Marker(string folded) =>
        CustomerMarker().IsMatch(folded) ? PartyRole.Customer : SupplierMarker().IsMatch(folded) ? PartyRole.Supplier : PartyRole.Unknown;

    private static List<(int Column, PartyRole Role, int After)> Headings(string folded)
    {
        var found = new List<(int, PartyRole, int)>();
        foreach (Match segment in Segment().Matches(folded))
        {
            var heading = Heading().Match(segment.Value);
            if (heading.Success)
            {
                var role = heading.Groups["supplier"].Success ? PartyRole.Supplier : PartyRole.Customer;
                var rest = heading.Groups["rest"];
                found.Add((segment.Index, role, rest.Success && rest.Length > 0 ? segment.Index + rest.Index : -1));
            }
        }

        // OCR joins side-by-side headings with one space ("LEVERANCIER KLANT"); their order still tells the columns apart.
        var trimmed = folded.TrimEnd();
        for (var space = trimmed.IndexOf(' ', StringComparison.Ordinal); found.Count == 0 && space > 0; space = trimmed.IndexOf(' ', space + 1))
        {
            var start = trimmed.Length - trimmed.TrimStart().Length;
            if (Heading().Match(trimmed[start..space]) is { Success: true } left && !left.Groups["rest"].Success
                && Heading().Match(trimmed[(space + 1)..]) is { Success: true } right && !right.Groups["rest"].Success)
            {
                found.Add((start, left.Groups["supplier"].Success ? PartyRole.Supplier : PartyRole.Customer, -1));
                found.Add((space + 1, right.Groups["supplier"].Success ? PartyRole.Supplier : PartyRole.Customer, -1));
            }
        }

        return found;
    }

    /// <summary>Whether the supplier heading shares its line with a customer heading, so the lines below hold both blocks side by side.</summary>
    public bool SideBySide(int line) => _headings.Any(h => h.Line == line && h.Headings.Count > 1);

    // Text between column gaps of two spaces or more.
    [GeneratedRegex(@"\S+(?: \S+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();

    // A heading alone, or followed by a colon and the party's name. "From", "To", "Van" and "Aan"
    // need the colon or to stand alone: "Van Dijk BV" is a name.
    [GeneratedRegex(
        @"^(?:(?<supplier>supplier|seller|vendor|sold\s+by|issued\s+by|fournisseur|vendeur|emetteur|expediteur|prestataire|leverancier|verkoper|afzender|from|van)|(?<customer>customer|client|buyer|bill(?:ed)?\s+to|invoice(?:d)?\s+to|sold\s+to|ship(?:ped)?\s+to|deliver(?:ed|y)?\s+to|to|factur(?:e|er)\s+a|adresse\s+de\s+facturation|acheteur|destinataire|klant|koper|afnemer|aan|factuuradres|gefactureerd\s+aan|leveringsadres))\s*(?:$|:\s*(?<rest>.*)$)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?<![\p{L}])(?:customer|client|klant|buyer|acheteur|koper|afnemer|your|votre|vos|uw)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex CustomerMarker();

    [GeneratedRegex(@"(?<![\p{L}])(?:supplier|seller|vendor|fournisseur|vendeur|leverancier|verkoper|our|notre|nos|ons|onze)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex SupplierMarker();
}
