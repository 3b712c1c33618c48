using System.Text;

namespace DocSync.Core.Rendering;

/// <summary>
/// Maps text to WinAnsiEncoding (Windows code page 1252) codes, the encoding DocSync's PDFs declare
/// for Helvetica: one byte per Unicode scalar after composing to NFC. Latin-1 and the code page's
/// extras (€, Œ, “ ”, – —…) map to their codes; tabs and line breaks become spaces; Unicode spaces
/// become a space (no-break ones a no-break space); soft hyphens and zero-width characters vanish;
/// anything else (other control characters, emoji, CJK…) becomes <c>?</c>.
/// </summary>
internal static class WinAnsiEncoding
{
    /// <summary>What an unmappable character becomes.</summary>
    public const byte Unmappable = (byte)'?';

    /// <summary>The no-break space's code.</summary>
    public const byte NoBreakSpace = 0xA0;

    // Code page 1252's 0x80–0x9F block (0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned).
    private static readonly Dictionary<int, byte> Extras = new()
    {
        [0x20AC] = 0x80, [0x201A] = 0x82, [0x0192] = 0x83, [0x201E] = 0x84, [0x2026] = 0x85, [0x2020] = 0x86,
        [0x2021] = 0x87, [0x02C6] = 0x88, [0x2030] = 0x89, [0x0160] = 0x8A, [0x2039] = 0x8B, [0x0152] = 0x8C,
        [0x017D] = 0x8E, [0x2018] = 0x91, [0x2019] = 0x92, [0x201C] = 0x93, [0x201D] = 0x94, [0x2022] = 0x95,
        [0x2013] = 0x96, [0x2014] = 0x97, [0x02DC] = 0x98, [0x2122] = 0x99, [0x0161] = 0x9A, [0x203A] = 0x9B,
        [0x0153] = 0x9C, [0x017E] = 0x9E, [0x0178] = 0x9F,
    };

    /// <summary>The codes of <paramref name="text"/> (empty for null).</summary>
    /// <param name="text">Any text, broken surrogates included.</param>
    public static byte[] GetBytes(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var bytes = new List<byte>(text.Length);
        foreach (var rune in Compose(text).EnumerateRunes())
        {
            if (Map(rune.Value) is { } code)
            {
                bytes.Add(code);
            }
        }

        return [.. bytes];
    }

    private static string Compose(string text)
    {
        // EnumerateRunes turns a broken surrogate into U+FFFD, so normalizing cannot throw on it.
        var valid = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            valid.Append(rune.ToString());
        }

        var clean = valid.ToString();
        return clean.IsNormalized(NormalizationForm.FormC) ? clean : clean.Normalize(NormalizationForm.FormC);
    }

    private static byte? Map(int scalar) => scalar switch
    {
        >= 0x20 and <= 0x7E => (byte)scalar,
        0xAD or (>= 0x200B and <= 0x200D) or 0x2060 or 0xFEFF => null,
        >= 0xA0 and <= 0xFF => (byte)scalar,
        '\t' or '\n' or '\r' or 0x85 or 0x2028 or 0x2029 => (byte)' ',
        0x2007 or 0x202F => NoBreakSpace,
        (>= 0x2000 and <= 0x200A) or 0x205F or 0x3000 => (byte)' ',
        0x2010 or 0x2011 or 0x2212 => (byte)'-',
        0x2012 => 0x96,
        _ => Extras.TryGetValue(scalar, out var code) ? code : Unmappable,
    };
}
