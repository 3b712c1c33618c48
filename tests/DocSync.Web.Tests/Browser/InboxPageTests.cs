using System.Text.RegularExpressions;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using DocSync.Core.Reading;
using DocSync.Web.Tests.Api;
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

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("2 files added to the inbox.");
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

    [Fact]
    public async Task Inbox_ReadFiles_SearchFiltersShowTextAndFieldsCorrected()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var first = await tenant.ReceiveReadItemAsync("lv-77.pdf", "Groothandel Licht NV\nFactuur LV-77", InboxReadingSeeds.Invoice("LV-77", "60.50"), InboxSource.Collect);
        const string text = "Groothandel Licht NV\nFactuur LV-77\n<script>alert('x')</script> & Électricité";
        var copy = await tenant.ReceiveReadItemAsync("lv-77-copy.pdf", text, InboxReadingSeeds.Invoice("LV-77", "60.50"));
        await tenant.ReceiveInboxItemAsync("brief.pdf", "application/pdf", RealFiles.Pdf("brief"));
        var page = await chromium.NewPageAsync(app.Address!);
        await page.SignInAsync(tenant.OwnerEmail);
        await page.Navigation().GetByRole(AriaRole.Link, new() { Name = "Inbox" }).ClickAsync();

        // Source, read state and the duplicate badge per row.
        await Assertions.Expect(page.Row("lv-77.pdf")).ToContainTextAsync("Dropbox collection");
        await Assertions.Expect(page.Row("lv-77.pdf")).ToContainTextAsync("OCR");
        await Assertions.Expect(page.Row("lv-77.pdf")).Not.ToContainTextAsync("Possible duplicate");
        await Assertions.Expect(page.Row("lv-77-copy.pdf")).ToContainTextAsync("Possible duplicate");
        await Assertions.Expect(page.Row("brief.pdf")).ToContainTextAsync("Not read");

        // Search the read text (accents and case ignored), then filter by source and duplicates.
        await page.GetByLabel("Search", new() { Exact = true }).FillAsync("electricite");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(page.Row("lv-77-copy.pdf")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await page.GetByLabel("Search", new() { Exact = true }).FillAsync("");
        await page.GetByLabel("Source", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Dropbox collection" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(page.Row("lv-77.pdf")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await page.GetByLabel("Source", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "All" });
        await page.GetByLabel("Possible duplicates only").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(page.Row("lv-77-copy.pdf")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);

        // The item: duplicate alert, reading facts, the text as written (escaped, line breaks kept).
        await page.Row("lv-77-copy.pdf").GetByRole(AriaRole.Link, new() { Name = "Process" }).ClickAsync();
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("lv-77-copy.pdf");
        var alert = page.GetByRole(AriaRole.Note, new() { Name = "Possible duplicate" });
        await Assertions.Expect(alert.GetByRole(AriaRole.Link, new() { Name = "an earlier file in the inbox" }))
            .ToHaveAttributeAsync("href", $"/c/{tenant.CompanyId}/inbox/{first.Id}");
        await Assertions.Expect(page.Locator("dl.facts").First).ToContainTextAsync("Text recognition (OCR)");
        await Assertions.Expect(page.Locator("dl.facts").First).ToContainTextAsync("English");
        var readText = page.Locator("details.read-text pre");
        await Assertions.Expect(readText).ToBeHiddenAsync();
        await page.GetByText("Text read from the file").ClickAsync();
        (await readText.InnerTextAsync()).ShouldBe(text);
        (await page.EvaluateAsync<bool>("() => document.querySelectorAll('details.read-text script').length === 0")).ShouldBeTrue();

        // The fields, each with its confidence; dates as date inputs.
        var exact = new PageGetByLabelOptions { Exact = true };
        await Assertions.Expect(page.GetByLabel("Invoice number", exact)).ToHaveValueAsync("LV-77");
        await Assertions.Expect(page.GetByLabel("Invoice number", exact)).ToHaveAccessibleDescriptionAsync("60% sure · low, check it");
        await Assertions.Expect(page.GetByLabel("Supplier VAT number", exact)).ToHaveAccessibleDescriptionAsync("95% sure · high");
        await Assertions.Expect(page.GetByLabel("Invoice date", exact)).ToHaveAttributeAsync("type", "date");
        await Assertions.Expect(page.GetByLabel("Invoice date", exact)).ToHaveValueAsync("2026-03-15");
        await Assertions.Expect(page.GetByLabel("Number", exact)).ToHaveValueAsync("LV-77");

        // A wrong amount is refused next to its field; the right one is stored as sure.
        await page.GetByLabel("Total incl. VAT", exact).FillAsync("sixty");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the details" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Total incl. VAT", exact)).ToHaveAccessibleDescriptionAsync(new Regex("Enter an amount with a decimal point"));
        await Assertions.Expect(page.GetByLabel("Total incl. VAT", exact)).ToHaveValueAsync("sixty");
        await page.GetByLabel("Total incl. VAT", exact).FillAsync("61.00");
        await page.GetByLabel("Invoice number", exact).FillAsync("LV-78");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the details" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Invoice details saved.");
        await Assertions.Expect(page.GetByRole(AriaRole.Note)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Invoice number", exact)).ToHaveAccessibleDescriptionAsync("100% sure · high");
        await Assertions.Expect(page.GetByLabel("Number", exact)).ToHaveValueAsync("LV-78");
        var stored = (await tenant.InboxItemsAsync()).Single(i => i.Id == copy.Id);
        (stored.Fields.InvoiceNumber, stored.Fields.Total!.Value, stored.IsPossibleDuplicate).ShouldBe((new ExtractedField("LV-78", 1.0), "61.00", false));
    }
}
