using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace DocSync.Core.Tests.Reading;

/// <summary>
/// Writes small PDFs whose pages are JPEG images (as a scanner makes them: one /Image XObject with
/// /Filter /DCTDecode, sized from the JPEG's SOF marker and a resolution) or lines of Helvetica text.
/// </summary>
public static class ImagePdf
{
    public abstract record Page;

    public sealed record JpegPage(byte[] Jpeg, int Dpi) : Page;

    public sealed record TextPage(params string[] Lines) : Page;

    public static byte[] Write(params Page[] pages)
    {
        var objects = new List<byte[]>
        {
            Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            Array.Empty<byte>(),
            Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
        };
        var kids = new List<int>();
        foreach (var page in pages)
        {
            var (content, resources, width, height) = page switch
            {
                JpegPage jpeg => Image(jpeg, objects),
                TextPage text => (Text(text.Lines), "<< /Font << /F1 3 0 R >> >>", 595.0, 842.0),
                _ => throw new ArgumentException("Unknown page.", nameof(pages)),
            };
            objects.Add(Stream($"<< /Length {content.Length} >>", content));
            var contentNumber = objects.Count;
            objects.Add(Ascii(FormattableString.Invariant(
                $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width:0.##} {height:0.##}] /Resources {resources} /Contents {contentNumber} 0 R >>")));
            kids.Add(objects.Count);
        }

        objects[1] = Ascii($"<< /Type /Pages /Kids [{string.Join(' ', kids.Select(k => $"{k} 0 R"))}] /Count {kids.Count} >>");
        return Assemble(objects, "");
    }

    /// <summary>The width and height in pixels and the number of colour components of a JPEG, from its start-of-frame marker.</summary>
    public static (int Width, int Height, int Components) JpegSize(byte[] jpeg)
    {
        var i = 2;
        while (i + 9 < jpeg.Length)
        {
            if (jpeg[i] != 0xFF)
            {
                throw new InvalidDataException("Not a JPEG marker.");
            }

            var marker = jpeg[i + 1];
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                var height = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(i + 5));
                var width = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(i + 7));
                return (width, height, jpeg[i + 9]);
            }

            i += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(i + 2));
        }

        throw new InvalidDataException("The JPEG has no start-of-frame marker.");
    }

    /// <summary>Numbers the objects from 1, adds the cross-reference table and the trailer (with <paramref name="trailerExtra"/>).</summary>
    internal static byte[] Assemble(IReadOnlyList<byte[]> objects, string trailerExtra)
    {
        using var pdf = new MemoryStream();
        Write(pdf, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            Write(pdf, $"{i + 1} 0 obj\n");
            pdf.Write(objects[i]);
            Write(pdf, "\nendobj\n");
        }

        var xref = pdf.Position;
        Write(pdf, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write(pdf, offset.ToString("0000000000", CultureInfo.InvariantCulture) + " 00000 n \n");
        }

        Write(pdf, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R {trailerExtra}>>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    internal static byte[] Stream(string dictionary, byte[] data) =>
        [.. Ascii(dictionary + "\nstream\n"), .. data, .. Ascii("\nendstream")];

    internal static byte[] Text(IEnumerable<string> lines)
    {
        var content = new StringBuilder("BT /F1 11 Tf 14 TL 50 790 Td\n");
        foreach (var line in lines)
        {
            content.Append('(').Append(line.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal)
                .Replace(")", "\\)", StringComparison.Ordinal)).Append(") Tj T*\n");
        }

        content.Append("ET");
        return Encoding.Latin1.GetBytes(content.ToString());
    }

    private static (byte[] Content, string Resources, double Width, double Height) Image(JpegPage page, List<byte[]> objects)
    {
        var (pixelsWide, pixelsHigh, components) = JpegSize(page.Jpeg);
        var colours = components switch
        {
            1 => "/DeviceGray",
            3 => "/DeviceRGB",
            4 => "/DeviceCMYK",
            _ => throw new InvalidDataException($"A JPEG with {components} components."),
        };
        objects.Add(Stream(
            $"<< /Type /XObject /Subtype /Image /Width {pixelsWide} /Height {pixelsHigh} /ColorSpace {colours} /BitsPerComponent 8 /Filter /DCTDecode /Length {page.Jpeg.Length} >>",
            page.Jpeg));
        var width = pixelsWide * 72.0 / page.Dpi;
        var height = pixelsHigh * 72.0 / page.Dpi;
        var content = Ascii(FormattableString.Invariant($"q {width:0.###} 0 0 {height:0.###} 0 0 cm /Im0 Do Q"));
        return (content, $"<< /XObject << /Im0 {objects.Count} 0 R >> >>", width, height);
    }

    private static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);

    private static void Write(Stream stream, string text) => stream.Write(Encoding.Latin1.GetBytes(text));
}
