using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DocSync.Core.Reading;

/// <summary>Cleans the text tools give and folds it for matching words.</summary>
internal static partial class ReadText
{
    /// <summary>
    /// Composed (NFC) text with <c>\n</c> line ends, every kind of space as a plain space, no control
    /// characters, no trailing spaces, at most one blank line in a row, trimmed.
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            builder.Append(c switch
            {
                '\n' or '\f' or '\r' or '\v' => '\n',
                '\t' => ' ',
                _ when char.IsWhiteSpace(c) => ' ',
                _ when char.IsControl(c) || c == '\uFFFD' => ' ',
                _ => c,
            });
        }

        var lines = builder.ToString().Normalize(NormalizationForm.FormC).Split('\n').Select(l => l.TrimEnd());
        return BlankLines().Replace(string.Join('\n', lines), "\n\n").Trim('\n', ' ');
    }

    /// <summary>Whether the text has at least 3 letters or digits: less is noise, not text.</summary>
    public static bool HasWords(string text) => text.Count(char.IsLetterOrDigit) >= 3;

    /// <summary>
    /// Lower-case without diacritics and with straight apostrophes, one character for one, so that
    /// positions in the folded text are positions in the original: <c>Échéance</c> → <c>echeance</c>.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Fold(source[i]);
            }
        });
    }

    private static char Fold(char c)
    {
        if (c < 128)
        {
            return char.ToLowerInvariant(c);
        }

        if (c is '\u2019' or '\u2018' or '\u00B4' or '`')
        {
            return '\'';
        }

        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var first = decomposed[0];
        return decomposed.Length > 1 && CharUnicodeInfo.GetUnicodeCategory(decomposed[1]) == UnicodeCategory.NonSpacingMark
            ? char.ToLowerInvariant(first)
            : char.ToLowerInvariant(c);
    }

    [GeneratedRegex("\n{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex BlankLines();
}
