using System.Text;
using System.Text.RegularExpressions;
using DocSync.Core.Validation;

namespace DocSync.Core.Reading;

/// <summary>
/// Finds VAT numbers of Belgium (<c>BE</c>, 0 or 1 and 9 digits, mod 97; old 9-digit numbers get
/// their leading 0), the Netherlands (<c>NL</c>, 9 digits, B, 2 digits), France (<c>FR</c>, a
/// 2-character key and the 9-digit SIREN), Luxembourg (<c>LU</c>, 8 digits) and Germany (<c>DE</c>,
/// 9 digits), written with spaces, dots or dashes (<c>BE 0123.456.789</c>, <c>TVA BE 0123 456 789</c>),
/// and Belgian numbers without prefix after a label (<c>Ondernemingsnummer 0477.472.701</c>) when
/// their check digits hold. Look-alike letters in the digits are fixed first. The checks are
/// <see cref="VatNumbers.Check"/>'s.
/// </summary>
internal static partial class VatNumberFinder
{
    /// <summary>Finds the VAT numbers and blanks them out of <see cref="ExtractionText.Masked"/>.</summary>
    public static IReadOnlyList<VatCandidate> Find(ExtractionText text, PartyBlocks parties, IReadOnlyList<IbanCandidate> ibans)
    {
        var found = new List<VatCandidate>();
        for (var line = 0; line < text.Count; line++)
        {
            var source = text.Lines[line];
            foreach (Match match in Prefix().Matches(source))
            {
                if (Read(source, match.Index, match.Groups["country"].Value.ToUpperInvariant(), match.Index + match.Length) is { } read)
                {
                    Add(read.Value, match.Index, read.End);
                }
            }

            foreach (Match match in Unprefixed().Matches(text.Folded[line]))
            {
                var number = match.Groups["number"];
                var value = "BE" + string.Concat(source.Substring(number.Index, number.Length).Where(char.IsAsciiDigit));
                if (VatNumbers.Check(value, "vat") is null && !found.Any(f => f.Line == line && f.Start <= number.Index && f.Value == value))
                {
                    Add(value, number.Index, number.Index + number.Length);
                }
            }

            void Add(string value, int start, int end)
            {
                var labelled = Label().IsMatch(text.Folded[line][..start]) || (line > 0 && Label().IsMatch(text.Folded[line - 1]) && text.Folded[line - 1].Trim().Length <= 24);
                var nearIban = ibans.Any(i => Math.Abs(i.Line - line) <= 2);
                found.Add(new VatCandidate(value, VatNumbers.Check(value, "vat") is null, labelled, line, start, parties.RoleAt(line, start), nearIban));
                text.Mask(line, start, end - start);
            }
        }

        return found;
    }

    /// <summary>
    /// The supplier's VAT number. An invoice often shows two, the seller's and the buyer's; the
    /// seller's is taken to be the one with valid check digits, outside the customer's block
    /// ("Customer", "Bill to", "Client", "Klant", or "customer"/"your" on its line), inside the
    /// supplier's block or next to the IBAN to pay to, and otherwise the first (nearest the top).
    /// A number found only in the customer's block is returned with low confidence.
    /// </summary>
    public static (ExtractedField Field, VatCandidate Candidate)? Choose(IReadOnlyList<VatCandidate> candidates)
    {
        var ranked = candidates
            .GroupBy(c => c.Value)
            .Select(g => g.OrderByDescending(Score).First())
            .OrderByDescending(Score)
            .ThenBy(c => c.Line)
            .ToList();
        if (ranked.Count == 0)
        {
            return null;
        }

        var best = ranked[0];
        var confidence = (best.Valid, best.Labelled) switch
        {
            (true, true) => 0.95,
            (true, false) => 0.85,
            (false, true) => 0.5,
            _ => 0.35,
        };
        if (best.Role == PartyRole.Customer)
        {
            confidence = Math.Min(confidence, 0.3);
        }
        else if (best.Role == PartyRole.Unknown && ranked.Skip(1).Any(c => c.Valid == best.Valid && c.Role == PartyRole.Unknown && Score(c) == Score(best)))
        {
            // Two equally likely numbers: the first was taken, but it may be the buyer's.
            confidence -= 0.15;
        }

        return (new ExtractedField(best.Value, confidence), best);
    }

    private static double Score(VatCandidate c) =>
        (c.Valid ? 4 : 0) + (c.NearIban ? 1 : 0) + (c.Labelled ? 0.5 : 0) + c.Role switch
        {
            PartyRole.Supplier => 2,
            PartyRole.Customer => -3,
            _ => 0,
        };

    // Reads the number after a country prefix; null when the characters do not make one.
    private static (string Value, int End)? Read(string line, int start, string country, int bodyStart)
    {
        var length = country switch
        {
            "BE" => 10,
            "NL" => 12,
            "FR" => 11,
            "LU" => 8,
            _ => 9,
        };

        // Letters and digits, one separator at most between them, up to the length of the country's number.
        var chars = new StringBuilder();
        var position = bodyStart;
        var end = bodyStart;
        while (position < line.Length && chars.Length < length)
        {
            var c = line[position];
            if (char.IsAsciiLetterOrDigit(c) || c == '|')
            {
                chars.Append(c);
                position++;
                end = position;
            }
            else if (c is ' ' or '.' or '-' or '\u00A0' && position + 1 < line.Length && (char.IsAsciiLetterOrDigit(line[position + 1]) || line[position + 1] == '|'))
            {
                position++;
            }
            else
            {
                break;
            }
        }

        // The number must end there: more digits after it mean a longer number (an IBAN, a phone number).
        var next = end < line.Length && line[end] is ' ' or '.' or '-' ? end + 1 : end;
        if (next < line.Length && char.IsAsciiDigit(line[next]) || (end < line.Length && char.IsAsciiLetterOrDigit(line[end])))
        {
            return null;
        }

        var body = chars.ToString();
        if (country == "BE" && body.Length == 9)
        {
            body = "0" + body;
        }

        var value = Body(country, body);
        return value is null ? null : (country + value, end);
    }

    // The body in its country's shape, with look-alike letters read as digits where digits belong.
    private static string? Body(string country, string body)
    {
        static string? Digits(string s)
        {
            var digits = string.Concat(s.Select(OcrDigits.Digit));
            return digits.Contains('\0', StringComparison.Ordinal) ? null : digits;
        }

        switch (country)
        {
            case "BE" when body.Length == 10:
                return Digits(body) is { } be && be[0] is '0' or '1' ? be : null;
            case "NL" when body.Length == 12 && body[9] is 'B' or 'b' or '8':
                return Digits(body[..9]) is { } nl && Digits(body[10..]) is { } suffix ? nl + "B" + suffix : null;
            case "FR" when body.Length == 11:
                var key = Digits(body[..2]) is { } numeric && VatNumbers.Check("FR" + numeric + (Digits(body[2..]) ?? ""), "vat") is null
                    ? numeric
                    : body[..2].ToUpperInvariant();
                return Digits(body[2..]) is { } siren && key.All(char.IsAsciiLetterOrDigit) ? key + siren : null;
            case "LU" when body.Length == 8:
            case "DE" when body.Length == 9:
                return Digits(body);
            default:
                return null;
        }
    }

    // A country prefix starting a word, then at most a few separators before the digits.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<country>BE|NL|FR|LU|DE|Be|Nl|Fr|Lu|De)[\s.:\-]{0,3}(?=[0-9OoIlSZ|])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"(?:vat|tva|btw|ondernemingsnummer|ondernemingsnr\.?|enterprise\s+(?:number|no\.?)|company\s+(?:number|no\.?)|n[°o]\.?\s*d'\s*entreprise|numero\s+d'\s*entreprise|kbo|bce|rpr|rpm)[^0-9\n]{0,25}?(?<number>(?<![\d])[01]\d{3}[ .]?\d{3}[ .]?\d{3})(?![\d])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Unprefixed();

    [GeneratedRegex(@"(?<![\p{L}])(?:vat|tva|btw|b\.t\.w\.|ust|mwst|tax\s+id|ondernemingsnummer|ondernemingsnr|enterprise|entreprise|siren|kbo|bce)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex Label();
}
