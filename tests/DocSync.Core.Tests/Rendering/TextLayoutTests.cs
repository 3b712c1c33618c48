using DocSync.Core.Rendering;

namespace DocSync.Core.Tests.Rendering;

public sealed class TextLayoutTests
{
    [Fact]
    public void Measure_KnownWords_UsesHelveticaWidths()
    {
        // AFM: H 722, e 556, l 222, l 222, o 556 → 2278/1000 em; bold: 722 556 278 278 611 → 2445.
        HelveticaMetrics.Measure("Hello"u8, PdfFont.Helvetica, 10).ShouldBe(22.78, 1e-9);
        HelveticaMetrics.Measure("Hello"u8, PdfFont.HelveticaBold, 10).ShouldBe(24.45, 1e-9);
        HelveticaMetrics.Width(PdfFont.Helvetica, 0x80).ShouldBe(556);
        HelveticaMetrics.Width(PdfFont.HelveticaBold, 0xFF).ShouldBe(556);
    }

    [Fact]
    public void Wrap_LongText_EveryLineFitsAndNoWordIsLost()
    {
        var text = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"word{i}"));

        var lines = TextLayout.Wrap(text, PdfFont.Helvetica, 9, 100);

        lines.Count.ShouldBeGreaterThan(10);
        lines.ShouldAllBe(l => HelveticaMetrics.Measure(l, PdfFont.Helvetica, 9) <= 100);
        string.Join(' ', lines.Select(l => System.Text.Encoding.Latin1.GetString(l))).ShouldBe(text);
    }

    [Fact]
    public void Wrap_WordWiderThanLine_BreaksItAnywhere()
    {
        var lines = TextLayout.Wrap(new string('W', 100), PdfFont.Helvetica, 10, 50);

        lines.Sum(l => l.Length).ShouldBe(100);
        lines.ShouldAllBe(l => l.Length > 0 && HelveticaMetrics.Measure(l, PdfFont.Helvetica, 10) <= 50);
    }

    [Fact]
    public void Wrap_LineBreaks_KeepParagraphsAndOneBlankLine()
    {
        var lines = TextLayout.Wrap("\n\nfirst\r\n\n\n\nsecond\n\n", PdfFont.Helvetica, 10, 500);

        lines.Select(l => System.Text.Encoding.Latin1.GetString(l)).ShouldBe(["first", "", "second"]);
        TextLayout.Wrap(null, PdfFont.Helvetica, 10, 500).ShouldHaveSingleItem().ShouldBeEmpty();
    }

    [Fact]
    public void WrapAtMost_TooManyLines_CutsWithEllipsis()
    {
        var lines = TextLayout.WrapAtMost(string.Join(' ', Enumerable.Repeat("Kortrijksesteenweg", 20)), PdfFont.Helvetica, 9, 120, 2);

        lines.Count.ShouldBe(2);
        lines[^1][^1].ShouldBe((byte)0x85);
        lines.ShouldAllBe(l => HelveticaMetrics.Measure(l, PdfFont.Helvetica, 9) <= 120);
    }
}
