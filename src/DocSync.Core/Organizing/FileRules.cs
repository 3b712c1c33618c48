using System.Text.RegularExpressions;

namespace DocSync.Core.Organizing;

/// <summary>The rules for names of document files, inbox files, folders and folder files, and for media types.</summary>
internal static partial class FileRules
{
    /// <summary>Longest name, in UTF-16 code units (the columns hold 255).</summary>
    public const int MaxNameLength = 255;

    /// <summary>Longest media type (the columns hold 127).</summary>
    public const int MaxContentTypeLength = 127;

    /// <summary>Why <paramref name="name"/> is not a usable name, or <see langword="null"/> if it is.</summary>
    public static string? NameError(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "A name is required.";
        }

        if (Composed(name) is not { } composed)
        {
            return "A name is valid Unicode text.";
        }

        if (composed.Length > MaxNameLength)
        {
            return $"A name has at most {MaxNameLength} characters.";
        }

        // Names end up as paths on disk and in Dropbox: a separator, a control character or a dot
        // name could escape or confuse the folder it belongs to; an invisible format character
        // (a right-to-left override) could make "invoice\u202Efdp.exe" read as "invoiceexe.pdf".
        if (name is "." or ".." || name.IndexOfAny(['/', '\\']) >= 0 || name.Any(char.IsControl))
        {
            return "A name has no '/' or '\\', no control characters and is not '.' or '..'.";
        }

        if (name.Any(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format))
        {
            return "A name has no invisible formatting characters (such as a right-to-left override).";
        }

        return name.Trim() != name ? "A name does not start or end with spaces." : null;
    }

    /// <summary>
    /// A usable name made from any <paramref name="name"/> (a hostile one from Dropbox or a zip):
    /// separators, control and invisible formatting characters and broken surrogates become '_',
    /// surrounding spaces go, a long name is cut keeping its extension, an empty one becomes
    /// <c>file</c> + <paramref name="fallbackExtension"/>.
    /// </summary>
    public static string Sanitize(string? name, string fallbackExtension = "")
    {
        var builder = new System.Text.StringBuilder((name ?? "").Length);
        var text = name ?? "";
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c) || char.IsControl(c) || c is '/' or '\\'
                     || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                builder.Append('_');
            }
            else
            {
                builder.Append(c);
            }
        }

        var clean = builder.ToString().Normalize().Trim();
        if (clean.Trim('.', '_', ' ').Length == 0)
        {
            return "file" + fallbackExtension;
        }

        if (clean.Length > MaxNameLength)
        {
            var extension = Path.GetExtension(clean);
            extension = extension.Length is > 0 and <= 16 ? extension : "";
            var stem = clean[..(MaxNameLength - extension.Length)];
            if (char.IsHighSurrogate(stem[^1]))
            {
                stem = stem[..^1];
            }
            clean = stem.TrimEnd() + extension;
        }

        return clean;
    }

    /// <summary>Whether <paramref name="contentType"/> is a media type such as <c>application/pdf</c>.</summary>
    public static bool IsMediaType(string? contentType) =>
        contentType is { Length: > 0 and <= MaxContentTypeLength } && MediaType().IsMatch(contentType);

    /// <summary>Whether two names are the same to people and to Dropbox (case-insensitive, composed).</summary>
    public static bool SameName(string a, string b) =>
        string.Equals(a.Normalize(), b.Normalize(), StringComparison.OrdinalIgnoreCase);

    private static string? Composed(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(name[i]))
            {
                return null;
            }
        }

        try
        {
            return name.Normalize();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(;.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex MediaType();
}
