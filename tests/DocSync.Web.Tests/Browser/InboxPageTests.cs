using DocSync.Core.Persistence;
using Microsoft.Playwright;

namespace DocSync.Web.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed class InboxPageTests(Databases databases, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Inbox_TwoFilesUploaded_PdfBecomesDocumentPngRejected()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        await tenant.CreateBinderAsync("Aankopen 2026");
        var page = await chromium.NewPageAsync(app.Address!);
        await page.SignInAsync(tenant.OwnerEmail);
        await page.Navigation().GetByRole(AriaRole.Link, new() { Name = "Inbox" }).ClickAsync();

        var pdf = RealFiles.Pdf("Factuur 77");
        await page.GetByLabel("Files", new() { Exact = true }).SetInputFilesAsync(
        [
            new FilePayload { Name = "factuur-77.pdf", MimeType = "application/pdf", Buffer = pdf },
            new FilePayload { Name = "bonnetje.png", MimeType = "image/png", Buffer = RealFiles.Png() },
        ]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("2 file(s) added to the inbox.");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Inbox status" }).Locator("[aria-current=page]")).ToHaveTextAsync("To process");
        await Assertions.Expect(page.Row("factuur-77.pdf")).ToBeVisibleAsync();
        await Assertions.Expect(page.Row("bonnetje.png")).ToBeVisibleAsync();

        // The PDF becomes a purchase invoice, filed where the person chose.
        await page.Row("factuur-77.pdf").GetByRole(AriaRole.Link, new() { Name = "Process" }).ClickAsync();
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("factuur-77.pdf");
        await Assertions.Expect(page.GetByLabel("Number", new() { Exact = true })).ToHaveValueAsync("factuur-77");
        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Purchase invoice" });
        await page.GetByLabel("Binder", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Aankopen 2026" });
        await page.FillDocumentAsync("LV-77", "Groothandel Licht NV", lines: ("Ledstrips 5 m", "4", "12.50", "21"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the document" }).ClickAsync();

        await page.WaitForURLAsync(BrowserSteps.DocumentUrl(), BrowserSteps.Committed);
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Purchase invoice LV-77");
        await Assertions.Expect(page.Row("Total incl. VAT")).ToContainTextAsync("€60.50");
        await Assertions.Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "factuur-77.pdf" })).ToContainTextAsync("PDF");
        await Assertions.Expect(page.GetByText("Aankopen 2026")).ToBeVisibleAsync();
        var file = page.GetByRole(AriaRole.Link, new() { Name = "factuur-77.pdf" });
        (await (await page.APIRequest.GetAsync((await file.GetAttributeAsync("href"))!)).BytesAsync()).ShouldBe(pdf);

        // The PNG is rejected and waits under Rejected.
        await page.Navigation().GetByRole(AriaRole.Link, new() { Name = "Inbox" }).ClickAsync();
        await Assertions.Expect(page.Row("factuur-77.pdf")).ToHaveCountAsync(0);
        await page.Row("bonnetje.png").GetByRole(AriaRole.Link, new() { Name = "Process" }).ClickAsync();
        await page.GetByLabel("Reason (optional)").FillAsync("Not a document");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();

        await page.WaitForURLAsync($"**/c/{tenant.CompanyId}/inbox", BrowserSteps.Committed);
        await Assertions.Expect(page.GetByText("Nothing here.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Rejected" }).ClickAsync();
        await Assertions.Expect(page.Row("bonnetje.png")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Processed" }).ClickAsync();
        await Assertions.Expect(page.Row("factuur-77.pdf").GetByRole(AriaRole.Link, new() { Name = "Open document" })).ToBeVisibleAsync();
    }
}
