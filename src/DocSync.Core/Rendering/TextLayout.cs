namespace DocSync.Core.Rendering;

/// <summary>Breaks text into lines that fit a width, and shortens text that must fit one line.</summary>
internal static class TextLayout
{
    private const byte Ellipsis = 0x85;

    /// <summary>
    /// The lines of <paramref name="text"/> at most <paramref name="maxWidth"/> wide: paragraphs
    /// at line breaks (runs of blank lines count as one), words at spaces, and a word wider than
    /// the line at any character. At least one line, perhaps empty.
    /// </summary>
    public static IReadOnlyList<byte[]> Wrap(string? text, PdfFont font, double size, double maxWidth)
    {
        var lines = new List<byte[]>();
        var paragraphs = (text ?? "").ReplaceLineEndings("\n").Split('\n');
        foreach (var paragraph in paragraphs)
        {
            var before = lines.Count;
            WrapParagraph(WinAnsiEncoding.GetBytes(paragraph), font, size, maxWidth, lines);
            if (lines.Count == before && lines.Count > 0 && lines[^1].Length > 0)
            {
                lines.Add([]);
            }
        }

        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines.Count > 0 ? lines : [[]];
    }

    /// <summary>
    /// <paramref name="text"/> wrapped into at most <paramref name="maxLines"/> lines, the last one
    /// ending in an ellipsis when text was cut.
    /// </summary>
    public static IReadOnlyList<byte[]> WrapAtMost(string? text, PdfFont font, double size, double maxWidth, int maxLines)
    {
        var lines = Wrap(text, font, size, maxWidth);
        if (lines.Count <= maxLines)
        {
            return lines;
        }

        var kept = lines.Take(maxLines).ToList();
        byte[] last = [.. kept[^1], Ellipsis];
        kept[^1] = HelveticaMetrics.Measure(last, font, size) <= maxWidth ? last : Shorten(last, font, size, maxWidth);
        return kept;
    }

    /// <summary><paramref name="text"/> cut to fit <paramref name="maxWidth"/>, ending in an ellipsis when cut.</summary>
    public static byte[] Shorten(byte[] text, PdfFont font, double size, double maxWidth)
    {
        if (HelveticaMetrics.Measure(text, font, size) <= maxWidth)
        {
            return text;
        }

        var room = maxWidth - HelveticaMetrics.Measure([Ellipsis], font, size);
        var length = 0;
        var width = 0d;
        while (length < text.Length && width + (HelveticaMetrics.Width(font, text[length]) * size / 1000d) <= room)
        {
            width += HelveticaMetrics.Width(font, text[length]) * size / 1000d;
            length++;
        }

        return [.. text.AsSpan(0, length).TrimEnd((byte)' '), Ellipsis];
    }

    private static void WrapParagraph(byte[] paragraph, PdfFont font, double size, double maxWidth, List<byte[]> lines)
    {
        var space = HelveticaMetrics.Width(font, (byte)' ') * size / 1000d;
        var line = new List<byte>();
        var lineWidth = 0d;
        foreach (var word in ((ReadOnlySpan<byte>)paragraph).Split((byte)' '))
        {
            var bytes = paragraph.AsSpan(word);
            if (bytes.IsEmpty)
            {
                continue;
            }

            var width = HelveticaMetrics.Measure(bytes, font, size);
            if (line.Count > 0 && lineWidth + space + width <= maxWidth)
            {
                line.Add((byte)' ');
                line.AddRange(bytes);
                lineWidth += space + width;
                continue;
            }

            if (line.Count > 0)
            {
                lines.Add([.. line]);
                line.Clear();
                lineWidth = 0;
            }

            // A word wider than a whole line is broken wherever it reaches the edge.
            foreach (var code in bytes)
            {
                var glyph = HelveticaMetrics.Width(font, code) * size / 1000d;
                if (line.Count > 0 && lineWidth + glyph > maxWidth)
                {
                    lines.Add([.. line]);
                    line.Clear();
                    lineWidth = 0;
                }

                line.Add(code);
                lineWidth += glyph;
            }
        }

        if (line.Count > 0)
        {
            lines.Add([.. line]);
        }
    }
}
