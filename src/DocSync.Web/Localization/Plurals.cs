using System.Globalization;
using System.Text;

namespace DocSync.Web.Localization;

/// <summary>
/// ICU-style plurals in the texts: <c>{0, plural, one {# file} other {# files}}</c> picks a form by the
/// number in argument 0 and the language's rule, <c>#</c> being that number. English and Dutch use
/// "one" for 1 only; French for 0 and 1 ("0 fichier", "1 fichier", "2 fichiers"). Text outside the
/// blocks, and inside them, keeps its <c>{1}</c> placeholders for <see cref="string.Format(IFormatProvider, string, object[])"/>.
/// </summary>
public static class Plurals
{
    private const string Marker = ", plural,";

    /// <summary>The CLDR category of <paramref name="count"/> in <paramref name="language"/>: <c>one</c> or <c>other</c>.</summary>
    /// <param name="language">en, nl or fr.</param>
    /// <param name="count">The number.</param>
    public static string Category(string language, decimal count) => language switch
    {
        "fr" => count >= 0 && count < 2 ? "one" : "other",
        _ => count == 1 ? "one" : "other",
    };

    /// <summary>Replaces each plural block of <paramref name="text"/> by its form for the argument it names.</summary>
    /// <param name="text">A text, possibly with plural blocks.</param>
    /// <param name="language">en, nl or fr.</param>
    /// <param name="culture">Formats <c>#</c>.</param>
    /// <param name="args">The arguments the blocks name.</param>
    public static string Expand(string text, string language, CultureInfo culture, IReadOnlyList<object?> args)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(args);
        var at = text.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        var result = new StringBuilder();
        var position = 0;
        while (at >= 0)
        {
            var open = text.LastIndexOf('{', at);
            var index = int.Parse(text.AsSpan(open + 1, at - open - 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
            var count = Convert.ToDecimal(args[index], CultureInfo.InvariantCulture);
            var forms = new Dictionary<string, string>(StringComparer.Ordinal);
            var cursor = at + Marker.Length;
            while (true)
            {
                while (char.IsWhiteSpace(text[cursor]))
                {
                    cursor++;
                }

                if (text[cursor] == '}')
                {
                    break;
                }

                var brace = text.IndexOf('{', cursor);
                var name = text[cursor..brace].Trim();
                var close = Matching(text, brace);
                forms[name] = text[(brace + 1)..close];
                cursor = close + 1;
            }

            var form = forms.TryGetValue($"={count.ToString(CultureInfo.InvariantCulture)}", out var exact) ? exact
                : forms.TryGetValue(Category(language, count), out var chosen) ? chosen
                : forms["other"];
            result.Append(text, position, open - position).Append(form.Replace("#", count.ToString("N0", culture), StringComparison.Ordinal));
            position = cursor + 1;
            at = text.IndexOf(Marker, position, StringComparison.Ordinal);
        }

        return result.Append(text, position, text.Length - position).ToString();
    }

    private static int Matching(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        throw new FormatException($"Unbalanced braces in a plural text: {text}");
    }
}
