using DocSync.Core.Documents;
using DocSync.Core.Rendering;
using DocSync.Core.Tests.Infrastructure;

namespace DocSync.Core.Tests.Rendering;

public sealed class DocumentPdfRendererTests
{
    private readonly FakeTimeProvider _time = new(RenderSamples.Now);

    private DocumentPdfRenderer Renderer => new(_time);

    [Fact]
    public async Task Render_SampleInvoice_PopplerReadsNumberPartiesAccentsAndTotals()
    {
        var pdf = Renderer.Render(SampleDocuments.Invoice(), "en");

        var text = await Poppler.TextAsync(pdf);
        var info = await Poppler.InfoAsync(pdf);

        (text.ExitCode, text.Error).ShouldBe((0, ""));
        text.Output.ShouldContain("Invoice");
        text.Output.ShouldContain("F2025-0001");
        text.Output.ShouldContain("Atelier Lumière BV");
        text.Output.ShouldContain("Librairie Dupont SARL");
        text.Output.ShouldContain("Catalogue imprimé");
        text.Output.ShouldContain("BE68 5390 0754 7034");
        text.Output.ShouldContain("1 June 2025");
        text.Output.ShouldContain("€12.335");
        text.Output.ShouldContain("€415.01");
        text.Output.ShouldContain("€81.60");
        text.Output.ShouldContain("€496.61");
        text.Output.ShouldContain("Page 1 / 1");
        (info.ExitCode, info.Error).ShouldBe((0, ""));
        info.Output.ShouldContain("Pages:           1");
        info.Output.ShouldContain("Title:           Invoice F2025-0001");
        info.Output.ShouldContain("Producer:        DocSync");
        info.Output.ShouldContain("CreationDate:    2025-06-16T09:00:00Z");
        info.Output.ShouldContain("Page size:       595.28 x 841.89 pts (A4)");
        info.Output.ShouldContain("PDF version:     1.7");
    }

    [Theory]
    [InlineData("en", "Invoice", "Total incl. VAT", "€1,234.56", "€1,493.82", "1 July 2025")]
    [InlineData("nl", "Factuur", "Totaal incl. btw", "€ 1.234,56", "€ 1.493,82", "1 juli 2025")]
    [InlineData("fr", "Facture", "Total TVAC", "1 234,56 €", "1 493,82 €", "1 juillet 2025")]
    public async Task Render_Language_UsesItsLabelsAndAmountFormat(string language, string title, string total, string net, string gross, string due)
    {
        var text = await Poppler.TextAsync(Renderer.Render(RenderSamples.Thousands(), language));

        text.Error.ShouldBeEmpty();
        text.Output.ShouldContain(title);
        text.Output.ShouldContain(total);
        text.Output.ShouldContain(net);
        text.Output.ShouldContain(gross);
        text.Output.ShouldContain(due);
        text.Output.ShouldContain("Éclairage de la vitrine");
    }

    [Fact]
    public async Task Render_SixtyLines_TwoPagesWithHeaderRepeatedAndPageNumbers()
    {
        var pdf = Renderer.Render(RenderSamples.ManyLines(60), "en");

        var text = await Poppler.TextAsync(pdf);
        var info = await Poppler.InfoAsync(pdf);

        info.Error.ShouldBeEmpty();
        info.Output.ShouldContain("Pages:           2");
        text.Error.ShouldBeEmpty();
        text.Output.ShouldContain("Page 1 / 2");
        text.Output.ShouldContain("Page 2 / 2");
        var pages = text.Output.Split('\f');
        pages[1].ShouldContain("Description");
        pages[1].ShouldContain("Unit price");
        pages[1].ShouldContain("Invoice F2025-0001");
        for (var i = 1; i <= 60; i++)
        {
            text.Output.ShouldContain($"Line {i:000} Hanglamp Lumière");
        }

        pages[1].ShouldContain("Line 060 Hanglamp Lumière");
        pages[1].ShouldContain("Total incl. VAT");
    }

    [Fact]
    public void Render_SameContentAndTime_SameBytes()
    {
        var content = RenderSamples.ManyLines(60);

        var first = Renderer.Render(content);
        var second = new DocumentPdfRenderer(new FakeTimeProvider(RenderSamples.Now)).Render(content with { Lines = [.. content.Lines] });
        _time.Advance(TimeSpan.FromSeconds(1));
        var later = Renderer.Render(content);

        second.ShouldBe(first);
        later.ShouldNotBe(first);
    }

    [Fact]
    public async Task Render_HostileText_FileStaysReadable()
    {
        var invoice = SampleDocuments.Invoice();
        var hostile = invoice with
        {
            Number = "F(1)\\2) ((",
            Seller = invoice.Seller with { Name = "Seller (\\) \u0000\u0007 😀", Address = new PostalAddress { Street = new string('S', 10_000), Country = "ZZ" } },
            Lines =
            [
                new DocumentLine { Description = "Open ( close ) back \\ slash \\) end", Quantity = 1, UnitPrice = 1m, VatRate = 21m },
                new DocumentLine { Description = "Ctrl \u0001\u0002\u001b\u007f tab\tline\nbreak 😀 emoji \ud800 broken 中文", Quantity = 1, UnitPrice = 1m, VatRate = 21m },
                new DocumentLine { Description = new string('W', 2000), Quantity = 1, UnitPrice = 1m, VatRate = 21m },
                new DocumentLine { Description = string.Join(' ', Enumerable.Repeat("Lumière", 300)), Quantity = 1, UnitPrice = 1m, VatRate = 21m },
                new DocumentLine { Description = new string('i', 20_000), Quantity = 99999999.9999m, UnitPrice = 99999999.9999m, VatRate = 21m },
            ],
            Note = string.Concat(Enumerable.Repeat("Note ) ( \\\n\n\n", 300)),
        };

        var pdf = Renderer.Render(hostile);
        var text = await Poppler.TextAsync(pdf);
        var info = await Poppler.InfoAsync(pdf);

        (text.ExitCode, text.Error).ShouldBe((0, ""));
        (info.ExitCode, info.Error).ShouldBe((0, ""));
        text.Output.ShouldContain("Open ( close ) back \\ slash \\) end");
        text.Output.ShouldContain("Ctrl ???? tab line");
        text.Output.ShouldContain("break ? emoji ? broken ??");
        text.Output.ShouldContain("Seller (\\) ?? ?");
        text.Output.ShouldContain("F(1)\\2) ((");
        text.Output.ShouldContain("Note ) ( \\");
        text.Output.Count(c => c == 'W').ShouldBe(2000);
        text.Output.Split("Lumière").Length.ShouldBe(301);
        var pages = int.Parse(info.Output.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..], System.Globalization.CultureInfo.InvariantCulture);
        text.Output.ShouldContain($"Page {pages} / {pages}");
        pages.ShouldBeGreaterThan(2);
    }

    [Fact]
    public async Task Render_EveryTypeAndNoBuyer_RendersTitle()
    {
        foreach (var (type, title) in new[] { (DocumentType.CreditNote, "Creditnota"), (DocumentType.Quote, "Offerte"), (DocumentType.Receipt, "Kasticket") })
        {
            var text = await Poppler.TextAsync(Renderer.Render(SampleDocuments.Invoice() with { Type = type, Buyer = null }, "nl"));

            text.Output.ShouldContain(title);
            text.Output.ShouldNotContain("KLANT");
        }
    }

    [Fact]
    public void Render_UnknownLanguage_ThrowsNamingTheLanguages()
    {
        var error = Should.Throw<ArgumentException>(() => Renderer.Render(SampleDocuments.Invoice(), "de"));

        error.ParamName.ShouldBe("language");
        error.Message.ShouldContain("en, nl, fr");
    }

    [Theory]
    [InlineData("FR", "fr")]
    [InlineData("LU", "fr")]
    [InlineData("BE", "nl")]
    [InlineData("NL", "nl")]
    [InlineData("DE", "en")]
    [InlineData("be", "nl")]
    public void DefaultLanguage_BuyerCountry_PicksLanguage(string? country, string language)
    {
        var invoice = SampleDocuments.Invoice();

        DocumentPdfRenderer.DefaultLanguage(invoice with { Buyer = invoice.Buyer! with { Address = new PostalAddress { Country = country } } })
            .ShouldBe(language);
    }

    [Fact]
    public void DefaultLanguage_NoBuyer_FallsBackToSellerCountry()
    {
        var invoice = SampleDocuments.Invoice();

        DocumentPdfRenderer.DefaultLanguage(invoice with { Buyer = null }).ShouldBe("nl");
        DocumentPdfRenderer.DefaultLanguage(invoice with { Buyer = invoice.Buyer! with { Address = null } }).ShouldBe("nl");
        DocumentPdfRenderer.DefaultLanguage(invoice with { Buyer = null, Seller = invoice.Seller with { Address = null } }).ShouldBe("en");
    }

    [Theory]
    [InlineData("F2025-0042", "F2025-0042.pdf")]
    [InlineData("F2025/0042", "F2025-0042.pdf")]
    [InlineData("../../etc/passwd", "-..-etc-passwd.pdf")]
    [InlineData("Factuur № 7 (kopie)", "Factuur---7--kopie-.pdf")]
    [InlineData("Reçu_été.v2", "Reçu_été.v2.pdf")]
    [InlineData("e\u0301", "é.pdf")]
    [InlineData("😀", "document.pdf")]
    [InlineData("..", "document.pdf")]
    [InlineData("a\u0000b\\c:d", "a-b-c-d.pdf")]
    public void FileName_Number_KeepsLettersDigitsAndDashes(string number, string fileName)
    {
        DocumentPdfRenderer.FileName(number).ShouldBe(fileName);
    }
}
