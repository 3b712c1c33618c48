using System.Globalization;
using System.Text;

namespace DocSync.Core.Export.Paths;

/// <summary>Makes folder and file names safe for Dropbox and its apps, compares paths as Dropbox does, and checks whole paths.</summary>
/// <remarks>
/// <para><b>What DocSync changes in names, and why</b></para>
/// <para>
/// DocSync builds each document's Dropbox path from the profile's folder layout and the document's
/// details (number, customer, supplier…). Dropbox, and the Dropbox apps on Windows, Mac and Linux,
/// refuse some names or cannot sync them, so DocSync adjusts every folder and file name it writes:
/// </para>
/// <list type="number">
/// <item><description>'/' and '\' become '-': a customer called "ACME/../x" stays one name,
/// "ACME-..-x", so no value can add a folder or reach outside the export folder.</description></item>
/// <item><description>&lt; &gt; : " | ? * become '_': Windows cannot store them, so the Dropbox app
/// on a Windows computer could not sync the file.</description></item>
/// <item><description>Invisible characters are removed: NUL and other control codes, text-direction
/// overrides such as U+202E (which can make "fdp.exe" display as "exe.pdf"), zero-width spaces and
/// joiners, and the blank Hangul fillers.</description></item>
/// <item><description>Tabs, line breaks and other spaces become one ordinary space; spaces at the
/// start, and spaces and dots at the end, are removed, because Windows and Dropbox drop them and
/// the name would change behind DocSync's back. So "." and ".." can never be a name.</description></item>
/// <item><description>Accented letters are stored in their composed form (Unicode NFC), as Dropbox
/// stores them: "é" typed as "e" plus an accent and "é" give the same name.</description></item>
/// <item><description>Names Windows reserves for devices (CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9,
/// COM¹–COM³, LPT¹–LPT³, CONIN$, CONOUT$, in any case and also with an extension such as "con.pdf") and names Dropbox does not sync (desktop.ini,
/// thumbs.db, .ds_store, .dropbox, .dropbox.attr, .dropbox.cache, and temporary-file names such as
/// "~$…", ".~…" and "~….tmp") get a '_' in front: "_CON", "_desktop.ini".</description></item>
/// <item><description>A name left empty becomes "_".</description></item>
/// <item><description>Names longer than 255 characters, counting the room kept for ".pdf" and the
/// like, are shortened at the end, between whole characters: a letter and its accents, or an
/// emoji, is never cut in two.</description></item>
/// </list>
/// <para>
/// Dropbox treats names that differ only in upper and lower case, or in how accents are encoded,
/// as the same name: "Facture F-1.pdf" and "FACTURE f-1.pdf" are one file. A full path longer than
/// 259 characters is reported, not shortened: Dropbox's apps on Windows cannot sync it.
/// </para>
/// </remarks>
public static class DropboxNames
{
    /// <summary>
    /// The longest name, in UTF-16 code units: rclone caps each Dropbox path component at 255 because
    /// the server rejects an over-long name only after the upload. Counting code units is the
    /// stricter reading (never more than code points) and is Windows' own limit.
    /// </summary>
    public const int MaxSegmentLength = 255;

    /// <summary>
    /// The longest full path, in UTF-16 code units counting the leading '/': Dropbox's help centre
    /// recommends full paths under 260 characters so that its Windows app can sync them (Windows'
    /// MAX_PATH is 260 including the terminating NUL). The API itself allows longer paths.
    /// </summary>
    public const int MaxPathLength = 259;

    /// <summary>The most names in one path: paths with more components do not sync (maestral's notes).</summary>
    public const int MaxSegmentCount = 300;

    /// <summary>
    /// A safe name for one folder or file, following the rules in the remarks of <see cref="DropboxNames"/>:
    /// never empty, "." or "..", NFC, without '/', '\', control, format or Windows-illegal
    /// characters, without leading spaces or trailing spaces and dots, not a reserved or ignored
    /// name, at most <see cref="MaxSegmentLength"/> minus <paramref name="reserve"/> long. Sanitising
    /// a result again returns it unchanged.
    /// </summary>
    /// <param name="name">The name as it comes; <see langword="null"/> is taken as empty.</param>
    /// <param name="reserve">Characters to keep free for what the caller appends, e.g. 4 for <c>.pdf</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reserve"/> is negative or leaves no room for a name.</exception>
    public static string SanitizeSegment(string? name, int reserve = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reserve);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(reserve, MaxSegmentLength);
        var budget = MaxSegmentLength - reserve;
        var text = Clean(name ?? "");

        // Ends within three rounds: a cut leaves at most `budget` units; the '_' added in front of a
        // reserved name (or the "_" for an empty one) may need one more cut, which keeps that '_'
        // first, and a name starting with '_' is never reserved.
        while (true)
        {
            if (text.Length == 0)
            {
                text = DropboxNameRules.Filler.ToString();
            }

            if (DropboxNameRules.ReservedReason(text) is not null)
            {
                text = DropboxNameRules.Filler + text;
            }

            if (text.Length <= budget)
            {
                return text;
            }

            text = Cut(text, budget).TrimEnd(' ', '.');
        }
    }

    /// <summary>
    /// The key Dropbox compares paths or names on: NFC, then invariant lower case. Two paths are
    /// one in Dropbox when their keys are equal (as <c>path_lower</c> is). Dropbox lower-cases with
    /// an old Unicode table, so for letters whose lower case Unicode added since (Cherokee, Georgian
    /// Mtavruli and a few more) this key folds names Dropbox keeps apart: the safe side, it only
    /// makes DocSync rename needlessly. Key on a file's id where one is known. Unpaired surrogates
    /// and U+FFFE become U+FFFD.
    /// </summary>
    /// <param name="path">A path or a single name.</param>
    public static string Key(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var composed = DropboxNameRules.RepairSurrogates(path, '\uFFFD')
            .Replace(DropboxNameRules.NotNormalizable, '\uFFFD').Normalize(NormalizationForm.FormC);

        // .NET's invariant lower case leaves 'İ' (U+0130) alone; Unicode's simple mapping, which
        // Dropbox's old Python lower() applies, makes it 'i'. Missing that would let two names
        // Dropbox sees as one pass as different here.
        return composed.Replace('\u0130', 'i').ToLowerInvariant().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Why Dropbox or its apps would not take <paramref name="fullPath"/>, for people, or
    /// <see langword="null"/> when they will: an empty name, a name that breaks a rule of
    /// <see cref="SanitizeSegment"/> (other than spacing and accent encoding, which Dropbox
    /// accepts), more than <see cref="MaxSegmentCount"/> names, or more than <see cref="MaxPathLength"/>
    /// characters. The length is checked last, so a path reported too long has no other fault.
    /// </summary>
    /// <param name="fullPath">The Dropbox path of a file or folder, e.g. <c>/Export/2025/Invoices/F-1 ACME.pdf</c>; the leading '/' may be left out.</param>
    public static string? Problem(string? fullPath)
    {
        if (string.IsNullOrEmpty(fullPath))
        {
            return "The path is empty.";
        }

        var relative = fullPath.StartsWith('/') ? fullPath[1..] : fullPath;
        if (relative.Length == 0)
        {
            return "The path is the Dropbox root: it names no file or folder.";
        }

        var names = relative.Split('/');
        foreach (var name in names)
        {
            if (name.Length == 0)
            {
                return "The path has an empty name: two '/' in a row, or a '/' at the end.";
            }

            if (NameProblem(name) is { } reason)
            {
                return $"The name \"{Display(name)}\" {reason}.";
            }
        }

        if (names.Length > MaxSegmentCount)
        {
            return $"The path has {names.Length} levels of folders; Dropbox syncs at most {MaxSegmentCount}.";
        }

        var length = relative.Length + 1;
        return length > MaxPathLength
            ? $"The path is {length} characters long; Dropbox's Windows app syncs paths of at most {MaxPathLength}."
            : null;
    }

    private static string Clean(string name)
    {
        // Composed before the filter too, so that a name and its decomposed spelling come out the
        // same: "<" followed by U+0338 composes to "≮" rather than becoming "_" plus a stray mark.
        var valid = DropboxNameRules.RepairSurrogates(name, DropboxNameRules.Filler)
            .Replace(DropboxNameRules.NotNormalizable.ToString(), "", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormC);
        var kept = new StringBuilder(valid.Length);
        Span<char> units = stackalloc char[2];
        var dropped = false;
        foreach (var rune in valid.EnumerateRunes())
        {
            if (DropboxNameRules.Map(rune) is not { } mapped)
            {
                dropped = true;
            }
            else if (mapped.Value != ' ' || (kept.Length > 0 && kept[^1] != ' '))
            {
                kept.Append(units[..mapped.EncodeToUtf16(units)]);
            }
        }

        // Composed again when something was dropped: without the joiner between them, a letter and
        // its accent compose. (The replacements are starters that compose with nothing.)
        var text = kept.ToString();
        return (dropped ? text.Normalize(NormalizationForm.FormC) : text).TrimEnd(' ', '.');
    }

    // The longest prefix of whole text elements (grapheme clusters) within the budget; a prefix of
    // an NFC string is NFC. A single element longer than the budget (a letter under hundreds of
    // combining marks) keeps its base and as many marks as fit, never half a surrogate pair.
    private static string Cut(string text, int budget)
    {
        var taken = 0;
        while (taken < text.Length)
        {
            var length = StringInfo.GetNextTextElementLength(text.AsSpan(taken));
            if (taken + length > budget)
            {
                break;
            }

            taken += length;
        }

        if (taken == 0)
        {
            while (taken < text.Length)
            {
                var size = char.IsHighSurrogate(text[taken]) && taken + 1 < text.Length && char.IsLowSurrogate(text[taken + 1]) ? 2 : 1;
                if (taken + size > budget)
                {
                    break;
                }

                taken += size;
            }
        }

        return text[..taken];
    }

    private static string? NameProblem(string name)
    {
        if (DropboxNameRules.HasLoneSurrogate(name))
        {
            return "contains a broken character (half of a UTF-16 surrogate pair)";
        }

        if (name is "." or "..")
        {
            return "means \"this folder\" or \"the folder above\", not a name";
        }

        if (name.Length > MaxSegmentLength)
        {
            return $"is {name.Length} characters long; Dropbox takes at most {MaxSegmentLength}";
        }

        foreach (var rune in name.EnumerateRunes())
        {
            if (rune.Value == '\\')
            {
                return "contains '\\', which Windows reads as a folder separator";
            }

            if (rune.IsAscii && DropboxNameRules.WindowsIllegal.Contains((char)rune.Value, StringComparison.Ordinal))
            {
                return $"contains '{(char)rune.Value}', which Windows cannot store in a name";
            }

            if (DropboxNameRules.IsInvisible(rune))
            {
                return $"contains an invisible or control character (U+{rune.Value:X4})";
            }
        }

        if (name.EndsWith(' ') || name.EndsWith('.'))
        {
            return "ends with a space or a dot, which Windows and Dropbox drop";
        }

        return DropboxNameRules.ReservedReason(name) is { } reserved ? "is not allowed: " + reserved : null;
    }

    // A name as it can be shown safely in a message: invisible characters spelled out, long names shortened.
    private static string Display(string name)
    {
        var shown = new StringBuilder();
        foreach (var rune in DropboxNameRules.RepairSurrogates(name, '\uFFFD').EnumerateRunes())
        {
            if (shown.Length >= 60)
            {
                return shown.Append('…').ToString();
            }

            if (DropboxNameRules.IsInvisible(rune) || (Rune.IsWhiteSpace(rune) && rune.Value != ' '))
            {
                shown.Append(CultureInfo.InvariantCulture, $"[U+{rune.Value:X4}]");
            }
            else
            {
                shown.Append(rune.ToString());
            }
        }

        return shown.ToString();
    }
}
