using System.Buffers.Binary;
using System.Text;

namespace DocSync.Core.Reading;

/// <summary>Tells a file's kind from its bytes, and the media type of each kind.</summary>
public static class FileKinds
{
    /// <summary>How many leading bytes <see cref="Detect"/> looks at, at most.</summary>
    public const int HeadLength = 1024;

    private static readonly string[] HeicBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs"];
    private static readonly string[] AvifBrands = ["avif", "avis"];

    /// <summary>
    /// The kind of a file from its magic bytes: <c>%PDF-</c> anywhere in the first 1024 bytes (as
    /// PDF readers accept it), the JPEG, PNG, TIFF and ZIP signatures, and an ISO media
    /// <c>ftyp</c> box with a HEIC brand, and XML (UTF-8 text opening with a tag). The name is used only as a tie-breaker: a HEIF file with
    /// the generic <c>mif1</c>/<c>msf1</c> brand and no HEIC brand among its compatible ones is
    /// <see cref="FileKind.Heic"/> when named <c>.heic</c>, <c>.heif</c> or <c>.hif</c>. So a file
    /// named <c>.pdf</c> whose bytes are a JPEG is <see cref="FileKind.Jpeg"/>.
    /// </summary>
    /// <param name="head">The file's first bytes: 64 are enough except for a PDF with leading junk; up to <see cref="HeadLength"/> are used.</param>
    /// <param name="fileName">The file's name (only its extension is used, and only for HEIF).</param>
    public static FileKind Detect(ReadOnlySpan<byte> head, string fileName)
    {
        if (head.Length > HeadLength)
        {
            head = head[..HeadLength];
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return FileKind.Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return FileKind.Png;
        }

        // Classic TIFF (42) and BigTIFF (43), little- and big-endian.
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8) || head.StartsWith("II+\0"u8) || head.StartsWith("MM\0+"u8))
        {
            return FileKind.Tiff;
        }

        // A local file header; an empty archive starts with its end record, a spanned one with a marker.
        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8) || head.StartsWith("PK\x07\x08"u8))
        {
            return FileKind.Zip;
        }

        if (head.IndexOf("%PDF-"u8) >= 0)
        {
            return FileKind.Pdf;
        }

        if (IsHeic(head, fileName))
        {
            return FileKind.Heic;
        }

        return IsXml(head) ? FileKind.Xml : FileKind.Unknown;
    }

    // UTF-8 text (a byte order mark allowed) whose first non-blank character opens a tag: "<?xml", "<!--" or an element.
    private static bool IsXml(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        var start = 0;
        while (start < head.Length && head[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (start + 1 >= head.Length || head[start] != (byte)'<')
        {
            return false;
        }

        var next = head[start + 1];
        return (next is (byte)'?' or (byte)'!' or (byte)'_' || char.IsAsciiLetter((char)next)) && !head.Contains((byte)0);
    }

    /// <summary>
    /// The media type of a kind: <c>application/pdf</c>, <c>image/jpeg</c>, <c>image/png</c>,
    /// <c>image/tiff</c>, <c>image/heic</c>, <c>application/zip</c>, <c>application/xml</c>, and
    /// <c>application/octet-stream</c> for <see cref="FileKind.Unknown"/>.
    /// </summary>
    /// <param name="kind">The kind.</param>
    public static string ContentType(FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Png => "image/png",
        FileKind.Tiff => "image/tiff",
        FileKind.Heic => "image/heic",
        FileKind.Zip => "application/zip",
        FileKind.Xml => "application/xml",
        _ => "application/octet-stream",
    };

    /// <summary>The extension a kind's files usually have, with its dot (<c>.pdf</c>); empty for <see cref="FileKind.Unknown"/>.</summary>
    internal static string Extension(FileKind kind) => kind switch
    {
        FileKind.Pdf => ".pdf",
        FileKind.Jpeg => ".jpg",
        FileKind.Png => ".png",
        FileKind.Tiff => ".tif",
        FileKind.Heic => ".heic",
        FileKind.Zip => ".zip",
        FileKind.Xml => ".xml",
        _ => "",
    };

    /// <summary>The kind a file's extension promises, <see cref="FileKind.Unknown"/> for one not listed.</summary>
    internal static FileKind FromExtension(string fileName) => Path.GetExtension(fileName ?? "").ToUpperInvariant() switch
    {
        ".PDF" => FileKind.Pdf,
        ".JPG" or ".JPEG" or ".JPE" or ".JFIF" => FileKind.Jpeg,
        ".PNG" => FileKind.Png,
        ".TIF" or ".TIFF" => FileKind.Tiff,
        ".HEIC" or ".HEIF" or ".HIF" => FileKind.Heic,
        ".ZIP" => FileKind.Zip,
        ".XML" => FileKind.Xml,
        _ => FileKind.Unknown,
    };

    // ISO base media: a box of some size, type "ftyp", a major brand, a minor version, compatible brands.
    private static bool IsHeic(ReadOnlySpan<byte> head, string fileName)
    {
        if (head.Length < 12 || !head[4..8].SequenceEqual("ftyp"u8))
        {
            return false;
        }

        var size = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(head), (uint)head.Length);
        var brands = new List<string> { Encoding.ASCII.GetString(head[8..12]) };
        for (var offset = 16; offset + 4 <= size; offset += 4)
        {
            brands.Add(Encoding.ASCII.GetString(head.Slice(offset, 4)));
        }

        if (brands.Any(HeicBrands.Contains))
        {
            return true;
        }

        if (brands.Any(AvifBrands.Contains) || brands[0] is not ("mif1" or "msf1"))
        {
            return false;
        }

        return FromExtension(fileName) == FileKind.Heic;
    }
}
