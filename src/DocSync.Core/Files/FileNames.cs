using DocSync.Core.Organizing;

namespace DocSync.Core.Files;

/// <summary>Pure rules for names in Files: the folded key pages and searches use, and a free name beside taken ones.</summary>
public static class FileNames
{
    /// <summary>The key a name is sorted, paged and searched by: composed and lower case (invariant).</summary>
    /// <param name="name">A name.</param>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Normalize().ToLowerInvariant();
    }

    /// <summary>
    /// <paramref name="name"/> if no name in <paramref name="taken"/> is the same (ignoring case), else the name with
    /// <paramref name="suffix"/> before its extension — <c>report (restored).pdf</c>, then <c>report (restored 2).pdf</c>…
    /// (<c>report (2).pdf</c>, <c>report (3).pdf</c>… when <paramref name="suffix"/> is empty) — cut to fit 255 characters.
    /// Never one of the taken names.
    /// </summary>
    /// <param name="name">The wanted name (valid).</param>
    /// <param name="taken">The names in use beside it.</param>
    /// <param name="suffix">The word put in brackets, e.g. <c>restored</c>; empty for a plain number.</param>
    public static string Free(string name, IEnumerable<string> taken, string suffix = "")
    {
        ArgumentNullException.ThrowIfNull(taken);
        var keys = taken.Select(Key).ToHashSet(StringComparer.Ordinal);
        return Free(name, candidate => keys.Contains(Key(candidate)), suffix);
    }

    /// <summary>As <see cref="Free(string, IEnumerable{string}, string)"/>, asking <paramref name="isTaken"/> about each candidate.</summary>
    /// <param name="name">The wanted name (valid).</param>
    /// <param name="isTaken">Whether a candidate name is in use.</param>
    /// <param name="suffix">The word put in brackets; empty for a plain number.</param>
    public static string Free(string name, Func<string, bool> isTaken, string suffix = "")
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(isTaken);
        if (!isTaken(name))
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        extension = extension.Length is > 1 and <= 16 && extension.Length < name.Length ? extension : "";
        var stem = name[..^extension.Length];
        for (var n = suffix.Length == 0 ? 2 : 1; ; n++)
        {
            var tag = suffix.Length == 0 ? $" ({n})" : n == 1 ? $" ({suffix})" : $" ({suffix} {n})";
            var room = FileRules.MaxNameLength - tag.Length - extension.Length;
            var cut = stem.Length <= room ? stem : stem[..room];
            if (cut.Length > 0 && char.IsHighSurrogate(cut[^1]))
            {
                cut = cut[..^1];
            }

            var candidate = cut.TrimEnd() + tag + extension;
            if (!isTaken(candidate))
            {
                return candidate;
            }
        }
    }
}
