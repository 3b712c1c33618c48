using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using DocSync.Core.Rendering;
using DocSync.Core.Tests.Infrastructure;

namespace DocSync.Core.Tests.Rendering;

public sealed partial class PdfWriterTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Write_ThreePages_EveryXrefOffsetPointsAtItsObject(bool compress)
    {
        var pages = Enumerable.Range(0, 3).Select(i =>
        {
            var page = new PdfPage();
            page.Text(50, 700, PdfFont.Helvetica, 12, WinAnsiEncoding.GetBytes($"Page {i} — é € ( ) \\"));
            return page;
        }).ToList();

        var pdf = PdfWriter.Write(pages, "Titre é", RenderSamples.Now, compress);
        var text = Encoding.Latin1.GetString(pdf);

        text.ShouldStartWith("%PDF-1.7\n");
        text.ShouldEndWith("%%EOF\n");
        var startxref = long.Parse(StartXref().Match(text).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        text[(int)startxref..].ShouldStartWith("xref\n0 12\n0000000000 65535 f\r\n");
        var entries = XrefEntry().Matches(text[(int)startxref..]).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        entries.Count.ShouldBe(11);
        for (var number = 1; number <= entries.Count; number++)
        {
            text[entries[number - 1]..].ShouldStartWith($"{number} 0 obj\n");
        }

        text.ShouldContain("/Size 12 /Root 1 0 R /Info 5 0 R");
        text.ShouldContain("/Count 3");
        text.ShouldContain("/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding");
        text.ShouldContain("/Title <FEFF00540069007400720065002000E9>");
        text.ShouldContain("/Producer (DocSync)");
        text.ShouldContain("/CreationDate (D:20250616090000+00'00')");
    }

    [Fact]
    public void Write_StreamLengths_MatchTheBytesBetweenStreamAndEndstream()
    {
        var page = new PdfPage();
        page.Text(50, 700, PdfFont.HelveticaBold, 10, WinAnsiEncoding.GetBytes("Open ( close ) back \\ slash Lumière €"));

        foreach (var compress in new[] { true, false })
        {
            var pdf = PdfWriter.Write([page], "t", RenderSamples.Now, compress);
            var text = Encoding.Latin1.GetString(pdf);
            var match = Stream().Match(text);
            var length = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var start = match.Index + match.Length;
            text.Substring(start + length, "\nendstream".Length).ShouldBe("\nendstream");
            var data = pdf.AsSpan(start, length).ToArray();
            var content = compress ? Inflate(data) : data;
            Encoding.ASCII.GetString(content).ShouldContain(@"(Open \( close \) back \\ slash Lumi\350re \200) Tj");
        }
    }

    [Fact]
    public async Task Write_PagesFromTheRenderer_PdfinfoReportsNoErrors()
    {
        var pdf = new DocumentPdfRenderer(new FakeTimeProvider(RenderSamples.Now)).Render(SampleDocuments.Invoice());

        var info = await Poppler.InfoAsync(pdf);

        (info.ExitCode, info.Error).ShouldBe((0, ""));
        info.Output.ShouldContain("Pages:           1");
    }

    [Fact]
    public void Write_NoPages_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PdfWriter.Write([], "t", RenderSamples.Now));
    }

    private static byte[] Inflate(byte[] data)
    {
        using var zlib = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        zlib.CopyTo(output);
        return output.ToArray();
    }

    [GeneratedRegex(@"startxref\n(\d+)\n%%EOF\n$")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"(\d{10}) 00000 n\r\n")]
    private static partial Regex XrefEntry();

    [GeneratedRegex(@"<< /Length (\d+)[^>]*>>\nstream\n")]
    private static partial Regex Stream();
}
