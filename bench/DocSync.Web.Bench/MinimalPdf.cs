using System.Globalization;
using System.Text;

namespace DocSync.Web.Bench;

/// <summary>
/// A small valid one-page PDF (catalog, page, Helvetica, one line of text, a correct xref table),
/// padded to about the size asked with an unreferenced stream of random bytes, which stands in for
/// the compressed fonts and images of a real invoice PDF and makes each file's hash unique.
/// </summary>
internal static class MinimalPdf
{
    public static byte[] Create(string title, int approximateBytes, Random random)
    {
        var text = $"BT /F1 18 Tf 72 770 Td ({Escape(title)}) Tj ET";
        var objects = new List<byte[]>
        {
            Latin1("<< /Type /Catalog /Pages 2 0 R >>"),
            Latin1("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Latin1("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"),
            Latin1("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
            Stream(Latin1(text)),
        };

        // Everything but the padding takes well under 1 KiB.
        var padding = new byte[Math.Max(0, approximateBytes - 1024)];
        random.NextBytes(padding);
        objects.Add(Stream(padding));

        using var pdf = new MemoryStream(approximateBytes + 256);
        pdf.Write(Latin1("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n"));
        var offsets = new long[objects.Count];
        for (var i = 0; i < objects.Count; i++)
        {
            offsets[i] = pdf.Position;
            pdf.Write(Latin1($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write(Latin1("\nendobj\n"));
        }

        var xref = pdf.Position;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Latin1(table.ToString()));
        return pdf.ToArray();
    }

    private static byte[] Stream(byte[] content)
    {
        var head = Latin1($"<< /Length {content.Length} >>\nstream\n");
        var tail = Latin1("\nendstream");
        return [.. head, .. content, .. tail];
    }

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);
}
