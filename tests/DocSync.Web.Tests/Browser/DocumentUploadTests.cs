using DocSync.Core.Persistence;
using Microsoft.Playwright;

namespace DocSync.Web.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed class DocumentUploadTests(Databases databases, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task NewDocument_WithPdfThenWithout_TotalsComputedFileKeptOrRendered()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        using (var api = tenant.KestrelApi())
        {
            await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("F2026-0001")));
        }

        var page = await chromium.NewPageAsync(app.Address!);
        await page.SignInAsync(tenant.OwnerEmail);

        // With a PDF: the detail shows the number, the computed totals and the very file.
        await page.GetByRole(AriaRole.Link, new() { Name = "New document" }).ClickAsync();
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("New document");
        await page.FillDocumentAsync("F-2026-0042", "Librairie Dupont SARL", lines: ("Hanglamp Lumière 40 cm", "2", "100", "21"));
        var pdf = RealFiles.Pdf("Offerte 42");
        await page.GetByLabel("PDF or attachment").SetInputFilesAsync(new FilePayload { Name = "offerte-42.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create document" }).ClickAsync();

        await page.WaitForURLAsync(BrowserSteps.DocumentUrl(), BrowserSteps.Committed);
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Invoice F-2026-0042");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Assertions.Expect(page.Row("Total excl. VAT")).ToContainTextAsync("€200.00");
        await Assertions.Expect(page.Row("Total incl. VAT")).ToContainTextAsync("€242.00");
        await Assertions.Expect(page.GetByText("15/03/2026")).ToBeVisibleAsync();
        var file = page.GetByRole(AriaRole.Link, new() { Name = "offerte-42.pdf" });
        var uploaded = await page.APIRequest.GetAsync((await file.GetAttributeAsync("href"))!);
        (await uploaded.BytesAsync()).ShouldBe(pdf);

        // Listed, and found by the search box.
        await page.Navigation().GetByRole(AriaRole.Link, new() { Name = "Documents" }).ClickAsync();
        var numbers = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link);
        await Assertions.Expect(numbers).ToHaveCountAsync(2);
        await Assertions.Expect(numbers.Filter(new() { HasText = "F-2026-0042" })).ToBeVisibleAsync();
        await page.GetByLabel("Search", new() { Exact = true }).FillAsync("0042");
        await page.GetByLabel("Search", new() { Exact = true }).PressAsync("Enter");
        await page.WaitForURLAsync("**/documents?q=0042**", BrowserSteps.Committed);
        await Assertions.Expect(numbers).ToHaveTextAsync(["F-2026-0042"]);

        // Without a file: DocSync renders the PDF.
        await page.GetByRole(AriaRole.Link, new() { Name = "New document" }).ClickAsync();
        await page.FillDocumentAsync("F-2026-0043", "Café Central", lines: [("Verlichtingsadvies (uur)", "3", "85", "21"), ("Ontwerpboek verlichting", "1", "29.90", "6")]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create document" }).ClickAsync();

        await page.WaitForURLAsync(BrowserSteps.DocumentUrl(), BrowserSteps.Committed);
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Invoice F-2026-0043");
        await Assertions.Expect(page.Row("Total incl. VAT")).ToContainTextAsync("€340.24");
        var rendered = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "PDF" }).GetByRole(AriaRole.Link);
        var download = await page.RunAndWaitForDownloadAsync(() => rendered.ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        bytes[..5].ShouldBe("%PDF-"u8.ToArray());
    }
}
