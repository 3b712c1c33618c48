using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace DocSync.Core.Rendering;

/// <summary>
/// Writes a PDF 1.7 file: catalog, page tree, the two standard fonts (Helvetica and Helvetica-Bold
/// with <c>/WinAnsiEncoding</c>, not embedded), one page object and content stream per page, the
/// document information dictionary, then a cross-reference table of exact byte offsets and the
/// trailer. The same pages, title and time give the same bytes (the file id is a hash of the body).
/// </summary>
internal sealed class PdfWriter
{
    private const int Catalog = 1;
    private const int PageTree = 2;
    private const int Regular = 3;
    private const int Bold = 4;
    private const int Info = 5;
    private const int FirstPage = 6;

    private readonly MemoryStream _output = new();
    private readonly long[] _offsets;

    private PdfWriter(int objectCount) => _offsets = new long[objectCount + 1];

    /// <summary>The file holding <paramref name="pages"/>.</summary>
    /// <param name="pages">The pages, in order; at least one.</param>
    /// <param name="title">The document title (<c>/Title</c>).</param>
    /// <param name="createdAt">The creation time (<c>/CreationDate</c>, written in UTC).</param>
    /// <param name="compress">Whether content streams are compressed with <c>/FlateDecode</c>.</param>
    public static byte[] Write(IReadOnlyList<PdfPage> pages, string title, DateTimeOffset createdAt, bool compress = true)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentOutOfRangeException.ThrowIfZero(pages.Count);
        var writer = new PdfWriter(FirstPage - 1 + (2 * pages.Count));
        writer.WriteFile(pages, title, createdAt, compress);
        return writer._output.ToArray();
    }

    private static int PageObject(int index) => FirstPage + (2 * index);

    private void WriteFile(IReadOnlyList<PdfPage> pages, string title, DateTimeOffset createdAt, bool compress)
    {
        // The second line's high bytes tell transfer tools the file is binary.
        Ascii("%PDF-1.7\n");
        _output.Write([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);

        Dictionary(Catalog, $"<< /Type /Catalog /Pages {PageTree} 0 R >>");
        var kids = string.Join(' ', Enumerable.Range(0, pages.Count).Select(i => $"{PageObject(i)} 0 R"));
        Dictionary(PageTree, $"<< /Type /Pages /Kids [{kids}] /Count {pages.Count} >>");
        Dictionary(Regular, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        Dictionary(Bold, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
        var utc = createdAt.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        Dictionary(Info, $"<< /Title {TextString(title)} /Producer (DocSync) /Creator (DocSync) /CreationDate (D:{utc}+00'00') >>");

        var mediaBox = $"[0 0 {PdfPage.Number(PdfPage.Width)} {PdfPage.Number(PdfPage.Height)}]";
        for (var i = 0; i < pages.Count; i++)
        {
            var page = PageObject(i);
            Dictionary(page, $"<< /Type /Page /Parent {PageTree} 0 R /MediaBox {mediaBox} "
                + $"/Resources << /Font << /F1 {Regular} 0 R /F2 {Bold} 0 R >> >> /Contents {page + 1} 0 R >>");
            Stream(page + 1, pages[i].ToContentStream(), compress);
        }

        var id = Convert.ToHexString(SHA256.HashData(_output.GetBuffer().AsSpan(0, (int)_output.Length))[..16]);
        var xref = _output.Position;
        Ascii($"xref\n0 {_offsets.Length}\n0000000000 65535 f\r\n");
        foreach (var offset in _offsets.Skip(1))
        {
            // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, 'n', CR LF.
            Ascii($"{offset.ToString("D10", CultureInfo.InvariantCulture)} 00000 n\r\n");
        }

        Ascii($"trailer\n<< /Size {_offsets.Length} /Root {Catalog} 0 R /Info {Info} 0 R /ID [<{id}> <{id}>] >>\n");
        Ascii($"startxref\n{xref.ToString(CultureInfo.InvariantCulture)}\n%%EOF\n");
    }

    private void Dictionary(int number, string body)
    {
        Begin(number);
        Ascii(body);
        Ascii("\nendobj\n");
    }

    private void Stream(int number, byte[] data, bool compress)
    {
        var payload = compress ? Deflate(data) : data;
        Begin(number);
        Ascii($"<< /Length {payload.Length.ToString(CultureInfo.InvariantCulture)}{(compress ? " /Filter /FlateDecode" : "")} >>\nstream\n");
        _output.Write(payload);
        Ascii("\nendstream\nendobj\n");
    }

    private void Begin(int number)
    {
        _offsets[number] = _output.Position;
        Ascii($"{number.ToString(CultureInfo.InvariantCulture)} 0 obj\n");
    }

    private void Ascii(string text) => _output.Write(Encoding.ASCII.GetBytes(text));

    private static byte[] Deflate(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return compressed.ToArray();
    }

    // A text string (PDF 1.7 § 7.9.2.2): printable ASCII as a literal, anything else as UTF-16BE
    // with a byte order mark, in hex so no byte needs escaping.
    private static string TextString(string text)
    {
        if (text.All(c => c is >= ' ' and <= '~'))
        {
            return "(" + text.Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("(", "\\(", StringComparison.Ordinal)
                .Replace(")", "\\)", StringComparison.Ordinal) + ")";
        }

        return "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";
    }
}
