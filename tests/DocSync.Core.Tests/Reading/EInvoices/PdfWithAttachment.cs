using System.Globalization;
using System.Text;

namespace DocSync.Core.Tests.Reading.EInvoices;

/// <summary>
/// Builds a small one-page PDF with a text layer and one embedded file (as a PDF/A-3 Factur-X invoice carries its
/// XML): a catalog with an <c>/EmbeddedFiles</c> name tree and <c>/AF</c>, a file specification and an
/// <c>/EmbeddedFile</c> stream, with a correct cross-reference table.
/// </summary>
public static class PdfWithAttachment
{
    public static byte[] Build(string pageText, string attachmentName, byte[] attachment)
    {
        var latin1 = Encoding.Latin1;
        var output = new MemoryStream();
        var offsets = new List<long>();
        void Write(string text) => output.Write(latin1.GetBytes(text));
        void Object(string body, byte[]? stream = null)
        {
            offsets.Add(output.Position);
            Write(string.Create(CultureInfo.InvariantCulture, $"{offsets.Count} 0 obj\n{body}"));
            if (stream is not null)
            {
                Write("\nstream\n");
                output.Write(stream);
                Write("\nendstream");
            }

            Write("\nendobj\n");
        }

        var content = latin1.GetBytes($"BT /F1 11 Tf 50 780 Td ({Escape(pageText)}) Tj ET");
        Write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        Object($"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [({attachmentName}) 5 0 R] >> >> /AF [5 0 R] >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 7 0 R >>");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        Object($"<< /Type /Filespec /F ({attachmentName}) /UF ({attachmentName}) /AFRelationship /Data /EF << /F 6 0 R /UF 6 0 R >> >>");
        Object(string.Create(CultureInfo.InvariantCulture, $"<< /Type /EmbeddedFile /Subtype /text#2Fxml /Length {attachment.Length} >>"), attachment);
        Object(string.Create(CultureInfo.InvariantCulture, $"<< /Length {content.Length} >>"), content);
        var xref = output.Position;
        Write(string.Create(CultureInfo.InvariantCulture, $"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets)
        {
            Write(string.Create(CultureInfo.InvariantCulture, $"{offset:0000000000} 00000 n \n"));
        }

        Write(string.Create(CultureInfo.InvariantCulture, $"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        return output.ToArray();
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);
}
