using System.Globalization;
using System.Text;

namespace DocSync.Core.Documents;

/// <summary>
/// Folds text for search the same way in C# on both sides (stored key and query): Unicode
/// decomposition, accents dropped, invariant lower case, runs of white space as one space. Database
/// collations differ (SQLite's lower() folds ASCII only), so the folding never happens in SQL.
/// </summary>
public static class SearchText
{
    /// <summary>The folded form of <paramref name="text"/>.</summary>
    /// <param name="text">Any text.</param>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
