using System.Text;
using System.Text.RegularExpressions;
using DocSync.Core.Validation;

namespace DocSync.Core.Reading;

/// <summary>
/// Finds IBANs: a country code, two check digits and up to 30 letters and digits, spaces allowed
/// between them, kept only when the ISO 13616 mod-97 check (and the country's length) holds. Digits
/// OCR read as letters are fixed where the country's account number is all digits.
/// </summary>
internal static partial class IbanFinder
{
    /// <summary>Finds the IBANs and blanks them out of <see cref="ExtractionText.Masked"/>.</summary>
    public static IReadOnlyList<IbanCandidate> Find(ExtractionText text, PartyBlocks parties)
    {
        var found = new List<IbanCandidate>();
        for (var line = 0; line < text.Count; line++)
        {
            foreach (Match match in Start().Matches(text.Lines[line]))
            {
                if (Read(text.Lines[line], match.Index) is not { } iban)
                {
                    continue;
                }

                var folded = text.Folded[line];
                var previous = line > 0 ? text.Folded[line - 1].Trim() : "";
                var labelled = Label().IsMatch(folded[..match.Index]) || previous is "iban" or "iban:";
                found.Add(new IbanCandidate(iban.Value, line, match.Index, iban.End, labelled, parties.RoleAt(line, match.Index)));
                text.Mask(line, match.Index, iban.End - match.Index);
            }
        }

        return found;
    }

    /// <summary>The IBAN to pay to: one outside the customer's block first, then one with a label, then the first.</summary>
    public static ExtractedField? Choose(IReadOnlyList<IbanCandidate> candidates)
    {
        var best = candidates
            .OrderBy(c => c.Role == PartyRole.Customer)
            .ThenByDescending(c => c.Labelled)
            .ThenBy(c => c.Line)
            .FirstOrDefault();
        return best is null ? null : new ExtractedField(best.Value, best.Role == PartyRole.Customer ? 0.3 : best.Labelled ? 0.95 : 0.85);
    }

    // The longest run from the start that forms a valid IBAN and ends where a group of characters ends.
    private static (string Value, int End)? Read(string line, int start)
    {
        var chars = new StringBuilder();
        var ends = new List<int>();
        var position = start;
        while (position < line.Length && chars.Length < 34)
        {
            var c = line[position];
            if (char.IsAsciiLetterOrDigit(c) || c == '|')
            {
                chars.Append(c);
                ends.Add(position + 1);
                position++;
            }
            else if (c is ' ' or '-' or '\u00A0' && position + 1 < line.Length && char.IsAsciiLetterOrDigit(line[position + 1]) && chars.Length >= 2)
            {
                position++;
            }
            else
            {
                break;
            }
        }

        for (var length = chars.Length; length >= 15; length--)
        {
            var end = ends[length - 1];
            if (end < line.Length && char.IsAsciiLetterOrDigit(line[end]))
            {
                continue;
            }

            foreach (var candidate in Readings(chars.ToString(0, length)))
            {
                if (Iban.Check(candidate, "iban") is null)
                {
                    return (candidate, end);
                }
            }
        }

        return null;
    }

    // The text as read, then with look-alike letters turned into digits where the country's IBAN has digits.
    private static IEnumerable<string> Readings(string text)
    {
        var upper = text.ToUpperInvariant();
        var country = upper[..2];
        var check = string.Concat(upper.AsSpan(2, 2).ToArray().Select(OcrDigits.Digit));
        if (check.Contains('\0', StringComparison.Ordinal))
        {
            yield break;
        }

        yield return country + check + upper[4..];
        var digitsFrom = country switch
        {
            "BE" or "DE" or "FR" or "IT" or "ES" or "PT" or "AT" or "CH" or "PL" or "CZ" or "SK" or "DK" or "FI" or "SE" or "NO" => 4,
            "NL" or "GB" or "IE" or "LU" => 8,
            _ => int.MaxValue,
        };
        if (digitsFrom < text.Length)
        {
            var fixedText = string.Concat(text[4..].Select((c, i) => i + 4 >= digitsFrom && OcrDigits.Digit(c) is var d and not '\0' ? d : char.ToUpperInvariant(c)));
            yield return country + check + fixedText;
        }
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}])[A-Z]{2} ?[0-9OoIlSZB|]{2}(?= ?[0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex Start();

    [GeneratedRegex(@"iban|rekening|compte|account|bank|banque|payable\s+to|a\s+verser|over\s+te\s+schrijven|op\s+rekening", RegexOptions.CultureInvariant)]
    private static partial Regex Label();
}
