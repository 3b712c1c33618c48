using System.Globalization;
using System.Text;

namespace DocSync.Core.Rendering;

/// <summary>
/// One A4 page being drawn: collects its content stream (PDF operators, ASCII only). Coordinates
/// are points from the bottom-left corner; text is WinAnsiEncoding codes, baseline at y.
/// </summary>
internal sealed class PdfPage
{
    /// <summary>A4 width in points (210 mm).</summary>
    public const double Width = 595.28;

    /// <summary>A4 height in points (297 mm).</summary>
    public const double Height = 841.89;

    private readonly StringBuilder _content = new();

    /// <summary>Draws <paramref name="text"/> starting at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void Text(double x, double y, PdfFont font, double size, ReadOnlySpan<byte> text, double gray = 0)
    {
        if (text.IsEmpty)
        {
            return;
        }

        _content.Append(CultureInfo.InvariantCulture, $"BT {Number(gray)} g /F{(int)font} {Number(size)} Tf {Number(x)} {Number(y)} Td ");
        AppendString(text);
        _content.Append(" Tj ET\n");
    }

    /// <summary>Draws <paramref name="text"/> ending at <paramref name="right"/>.</summary>
    public void TextRight(double right, double y, PdfFont font, double size, ReadOnlySpan<byte> text, double gray = 0) =>
        Text(right - HelveticaMetrics.Measure(text, font, size), y, font, size, text, gray);

    /// <summary>Strokes a straight line.</summary>
    public void Line(double x1, double y1, double x2, double y2, double lineWidth = 0.5, double gray = 0) =>
        _content.Append(CultureInfo.InvariantCulture,
            $"{Number(gray)} G {Number(lineWidth)} w {Number(x1)} {Number(y1)} m {Number(x2)} {Number(y2)} l S\n");

    /// <summary>Fills a rectangle whose lower-left corner is (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void FillRectangle(double x, double y, double width, double height, double gray) =>
        _content.Append(CultureInfo.InvariantCulture,
            $"{Number(gray)} g {Number(x)} {Number(y)} {Number(width)} {Number(height)} re f 0 g\n");

    /// <summary>The page's content stream.</summary>
    public byte[] ToContentStream() => Encoding.ASCII.GetBytes(_content.ToString());

    /// <summary>A number as PDF writes it: invariant, at most 2 decimals, never <c>-0</c>.</summary>
    public static string Number(double value)
    {
        var rounded = Math.Round(value, 2);
        return rounded == 0 ? "0" : rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }

    // A literal string: ( ) \ are escaped, and so is every byte outside printable ASCII (as \ooo),
    // which keeps the content stream ASCII and safe from line-ending rewrites.
    private void AppendString(ReadOnlySpan<byte> text)
    {
        _content.Append('(');
        foreach (var code in text)
        {
            switch (code)
            {
                case (byte)'(' or (byte)')' or (byte)'\\':
                    _content.Append('\\').Append((char)code);
                    break;
                case < 0x20 or > 0x7E:
                    _content.Append('\\').Append(Convert.ToString(code, 8).PadLeft(3, '0'));
                    break;
                default:
                    _content.Append((char)code);
                    break;
            }
        }

        _content.Append(')');
    }
}
