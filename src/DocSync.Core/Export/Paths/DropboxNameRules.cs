using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace DocSync.Core.Export.Paths;

/// <summary>The character and name rules behind <see cref="DropboxNames"/>, shared by sanitising and checking.</summary>
internal static class DropboxNameRules
{
    /// <summary>What '/' and '\' become: a name can never add a folder.</summary>
    public const char SeparatorReplacement = '-';

    /// <summary>What Windows-illegal characters become, what goes in front of reserved names, and what an empty name becomes.</summary>
    public const char Filler = '_';

    /// <summary>The one well-formed character .NET's Unicode normalisation refuses (a noncharacter, removed from names anyway).</summary>
    public const char NotNormalizable = '\uFFFE';

    /// <summary>Characters Windows cannot store in a name; the API accepts them, the Windows app cannot sync them.</summary>
    public const string WindowsIllegal = "<>:\"|?*";

    // Windows' device names (Microsoft's "Naming files, paths, and namespaces"), reserved with any
    // extension, compared on the part before the first dot with trailing spaces removed.
    private static readonly FrozenSet<string> DeviceNames = new[]
    {
        "con", "prn", "aux", "nul", "conin$", "conout$",
        "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "com\u00B9", "com\u00B2", "com\u00B3",
        "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9", "lpt\u00B9", "lpt\u00B2", "lpt\u00B3",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Names Dropbox refuses or ignores (rclone's list plus maestral's .dropbox.cache), case-insensitively.
    private static readonly FrozenSet<string> DropboxIgnored = new[]
    {
        "desktop.ini", "thumbs.db", ".ds_store", "icon\r", ".dropbox", ".dropbox.attr", ".dropbox.cache",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly int MaxIgnoredLength = DropboxIgnored.Max(n => n.Length);

    /// <summary>The replacement of <paramref name="rune"/>, <see langword="null"/> to drop it, or itself.</summary>
    public static Rune? Map(Rune rune)
    {
        if (rune.Value is '/' or '\\')
        {
            return new Rune(SeparatorReplacement);
        }

        if (rune.IsAscii && WindowsIllegal.Contains((char)rune.Value, StringComparison.Ordinal))
        {
            return new Rune(Filler);
        }

        if (Rune.IsWhiteSpace(rune))
        {
            return new Rune(' ');
        }

        return IsInvisible(rune) ? null : rune;
    }

    /// <summary>
    /// Control characters (NUL, DEL, C1), format characters (direction overrides such as U+202E,
    /// zero-width space and joiners, soft hyphen, BOM), noncharacters and the Hangul fillers
    /// often used to make a name look blank.
    /// </summary>
    public static bool IsInvisible(Rune rune)
    {
        if (Rune.IsWhiteSpace(rune))
        {
            return false;
        }

        var v = rune.Value;
        if (v is >= 0xFDD0 and <= 0xFDEF || (v & 0xFFFE) == 0xFFFE)
        {
            return true;
        }

        if (v is 0x115F or 0x1160 or 0x3164 or 0xFFA0)
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format;
    }

    /// <summary>
    /// Why Windows or Dropbox would not take <paramref name="name"/> whatever its characters, or
    /// <see langword="null"/>: a device name, a name Dropbox ignores, or a temporary-file name.
    /// </summary>
    public static string? ReservedReason(string name)
    {
        // Lower-cased only when short enough to match: invariant lower case maps one char to one.
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var stem = (dot < 0 ? name.AsSpan() : name.AsSpan(0, dot)).TrimEnd(' ');
        if (stem.Length is >= 3 and <= 7 && DeviceNames.Contains(stem.ToString().ToLowerInvariant()))
        {
            return "Windows reserves it for a device";
        }

        if (name.Length <= MaxIgnoredLength && DropboxIgnored.Contains(name.ToLowerInvariant()))
        {
            return "Dropbox does not sync files with this name";
        }

        if (name.StartsWith("~$", StringComparison.Ordinal) || name.StartsWith(".~", StringComparison.Ordinal)
            || (name.StartsWith('~') && name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)))
        {
            return "Dropbox takes it for a temporary file (~$…, .~…, ~….tmp) and does not sync it";
        }

        return null;
    }

    /// <summary><paramref name="text"/> with every unpaired UTF-16 surrogate replaced by <paramref name="replacement"/>.</summary>
    public static string RepairSurrogates(string text, char replacement)
    {
        if (!HasLoneSurrogate(text))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = replacement;
            }
        }

        return new string(chars);
    }

    /// <summary>Whether <paramref name="text"/> is not well-formed UTF-16.</summary>
    public static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
