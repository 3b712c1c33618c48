using System.Text.RegularExpressions;

namespace DocSync.Core.Reading;

/// <summary>
/// Undoes the usual OCR confusions inside numbers: O and o read for 0, I, l, i and | for 1, S and s
/// for 5, B for 8, Z and z for 2.
/// </summary>
internal static partial class OcrDigits
{
    /// <summary>The digit <paramref name="c"/> is or may be a misreading of; <c>'\0'</c> for none.</summary>
    public static char Digit(char c) => c switch
    {
        >= '0' and <= '9' => c,
        'O' or 'o' => '0',
        'I' or 'l' or 'i' or '|' => '1',
        'S' or 's' => '5',
        'B' => '8',
        'Z' or 'z' => '2',
        _ => '\0',
    };

    /// <summary>Whether <paramref name="c"/> is a letter OCR gives for a digit.</summary>
    public static bool IsLookalike(char c) => c is not (>= '0' and <= '9') && Digit(c) != '\0';

    /// <summary>
    /// Fixes the tokens of <paramref name="line"/> that are numbers with a few look-alike letters
    /// (at least two real digits, at least twice as many digits as look-alikes, no other letter),
    /// e.g. <c>2,9l6.6l</c> → <c>2,916.61</c>, <c>O1/06/2025</c> → <c>01/06/2025</c>; leaves words
    /// and codes such as <c>BE0477</c> or <c>F2025</c> alone. Keeps the line's length.
    /// </summary>
    public static string FixNumbers(string line) => Token().Replace(line, static match =>
    {
        var token = match.Value;
        int digits = 0, lookalikes = 0;
        foreach (var c in token)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (IsLookalike(c))
            {
                lookalikes++;
            }
            else if (char.IsLetter(c))
            {
                return token;
            }
        }

        return lookalikes == 0 || digits < 2 || digits < 2 * lookalikes
            ? token
            : string.Concat(token.Select(c => IsLookalike(c) ? Digit(c) : c));
    });

    [GeneratedRegex(@"(?<![\p{L}\p{N}|])[\p{L}\p{N}|]+(?:[.,/\-:][\p{L}\p{N}|]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
