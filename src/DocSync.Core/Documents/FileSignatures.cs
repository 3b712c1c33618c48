using System.Text;

namespace DocSync.Core.Documents;

/// <summary>
/// Tells what a file's first bytes are (PDF, PNG, ZIP…), so a file whose name promises one type
/// and whose bytes are another is refused. Only the extensions listed in <see cref="Expected"/> are
/// checked; <c>.txt</c>, <c>.csv</c> and unknown ones accept any bytes.
/// </summary>
internal static class FileSignatures
{
    /// <summary>How many leading bytes the checks need at most.</summary>
    public const int HeadLength = 1024;

    // .docx, .xlsx, .pptx and the OpenDocument formats are ZIP archives.
    private static readonly Dictionary<string, Signature> Expected = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = Signature.Pdf, [".xml"] = Signature.Xml, [".json"] = Signature.Json,
        [".png"] = Signature.Png, [".jpg"] = Signature.Jpeg, [".jpeg"] = Signature.Jpeg, [".gif"] = Signature.Gif,
        [".tif"] = Signature.Tiff, [".tiff"] = Signature.Tiff,
        [".zip"] = Signature.Zip, [".docx"] = Signature.Zip, [".xlsx"] = Signature.Zip, [".pptx"] = Signature.Zip,
        [".odt"] = Signature.Zip, [".ods"] = Signature.Zip, [".odp"] = Signature.Zip,
    };

    private enum Signature
    {
        Pdf, Xml, Json, Png, Jpeg, Gif, Tiff, Zip, WindowsProgram, LinuxProgram, Gzip, Text, Blank, Unknown,
    }

    /// <summary>Whether the bytes start as a PDF does (<c>%PDF-</c>).</summary>
    public static bool IsPdf(ReadOnlySpan<byte> head) => head.StartsWith("%PDF-"u8);

    /// <summary>Whether the bytes are markup: <c>&lt;</c> first, after a byte order mark and white space.</summary>
    public static bool IsXml(ReadOnlySpan<byte> head) => FirstCharacter(head) == '<';

    /// <summary>
    /// Why <paramref name="head"/> cannot be the start of a file named <paramref name="fileName"/>,
    /// e.g. "The file is named .pdf but its bytes are a PNG image."; <see langword="null"/> when it
    /// can, or when the extension is not one DocSync checks.
    /// </summary>
    /// <param name="fileName">The file's name.</param>
    /// <param name="head">Its first bytes (up to <see cref="HeadLength"/>; all of them for a shorter file).</param>
    public static string? Mismatch(string fileName, ReadOnlySpan<byte> head)
    {
        var extension = Path.GetExtension(fileName);
        if (!Expected.TryGetValue(extension, out var expected))
        {
            return null;
        }

        var actual = Recognize(head);
        return actual == expected ? null : $"The file is named {extension.ToLowerInvariant()} but its bytes are {Describe(actual, head)}.";
    }

    private static Signature Recognize(ReadOnlySpan<byte> head)
    {
        if (IsPdf(head))
        {
            return Signature.Pdf;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Signature.Png;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Signature.Jpeg;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return Signature.Gif;
        }

        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8) || head.StartsWith("II+\0"u8) || head.StartsWith("MM\0+"u8))
        {
            return Signature.Tiff;
        }

        // Local file header; an empty archive starts with its end record, a spanned one with a marker.
        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8) || head.StartsWith("PK\x07\x08"u8))
        {
            return Signature.Zip;
        }

        if (head.StartsWith("MZ"u8))
        {
            return Signature.WindowsProgram;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F']))
        {
            return Signature.LinuxProgram;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return Signature.Gzip;
        }

        return FirstCharacter(head) switch
        {
            '<' => Signature.Xml,
            '{' or '[' => Signature.Json,
            null => head.IsEmpty ? Signature.Unknown : Signature.Blank,
            _ => head.Contains((byte)0) ? Signature.Unknown : Signature.Text,
        };
    }

    // The first character that is not white space, reading UTF-16 after its byte order mark and
    // UTF-8 (ASCII, for this purpose) otherwise; null when there is none in the head.
    private static char? FirstCharacter(ReadOnlySpan<byte> head)
    {
        string text;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(head[2..]);
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(head[2..]);
        }
        else
        {
            text = Encoding.Latin1.GetString(head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head);
        }

        var trimmed = text.AsSpan().TrimStart(" \t\r\n");
        return trimmed.IsEmpty ? null : trimmed[0];
    }

    private static string Describe(Signature signature, ReadOnlySpan<byte> head) => signature switch
    {
        Signature.Pdf => "a PDF document",
        Signature.Xml => "XML or HTML markup",
        Signature.Json => "JSON",
        Signature.Png => "a PNG image",
        Signature.Jpeg => "a JPEG image",
        Signature.Gif => "a GIF image",
        Signature.Tiff => "a TIFF image",
        Signature.Zip => "a ZIP archive (as are .docx, .xlsx and .odt files)",
        Signature.WindowsProgram => "a Windows program",
        Signature.LinuxProgram => "a Linux program",
        Signature.Gzip => "a gzip archive",
        Signature.Text => "plain text",
        Signature.Blank => "only white space",
        _ => $"of an unknown binary type (starting {Convert.ToHexString(head[..Math.Min(8, head.Length)])})",
    };
}
