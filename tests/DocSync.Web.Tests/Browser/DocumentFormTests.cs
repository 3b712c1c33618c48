using DocSync.Core.Documents;
using DocSync.Core.Export.Ubl;
using DocSync.Core.Persistence;
using DocSync.Core.Validation;
using Microsoft.Playwright;

namespace DocSync.Web.Tests.Browser;

/// <summary>The document form: lines added and removed, the no-UBL warning before saving, editing makes a version; a UBL in the inbox.</summary>
[Collection(WebCollection.Name)]
public sealed class DocumentFormTests(Databases databases, Chromium chromium) : IClassFixture<Chromium>
{
    private static readonly PageGetByLabelOptions Exact = new() { Exact = true };

    [Fact]
    public async Task NewInvoice_LinesAddedAndRemoved_WarnsOfMissingUblFacts_ThenEditMakesANewVersion()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var page = await chromium.NewPageAsync(app.Address!);
        await page.SignInAsync(tenant.OwnerEmail);
        await page.GotoAsync($"/c/{tenant.CompanyId}/documents/new");

        // The number is suggested for the type and year.
        await Assertions.Expect(page.GetByLabel("Number", Exact)).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^F\d{4}-0001$"));
        await page.FillDocumentAsync("F2026-0100", "Librairie Dupont SARL", lines: [("Hanglamp", "2", "100", "21"), ("Transport", "1", "35", "21"), ("Boek", "1", "20", "6")]);
        await Assertions.Expect(page.GetByLabel("Description 3", Exact)).ToHaveValueAsync("Boek");

        // Removing the second line in place (no reload) renumbers the others.
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove line 2", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Description 2", Exact)).ToHaveValueAsync("Boek");
        await Assertions.Expect(page.GetByLabel("Description 3", Exact)).ToHaveCountAsync(0);

        // Before saving: no UBL without the customer's country and VAT number.
        await page.GetByLabel("Country", Exact).First.FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the e-invoice" }).ClickAsync();
        var check = page.Locator("#ubl-check");
        await Assertions.Expect(check).ToContainTextAsync("This document would get no e-invoice");
        await Assertions.Expect(check).ToContainTextAsync("The customer's country is missing. (BR-11)");
        await Assertions.Expect(check).ToContainTextAsync("(PEPPOL-EN16931-R010)");
        // The lines typed so far came back with the page.
        await Assertions.Expect(page.GetByLabel("Description 2", Exact)).ToHaveValueAsync("Boek");

        await page.GetByLabel("Country", Exact).First.FillAsync("FR");
        await page.GetByLabel("VAT number", Exact).First.FillAsync("FR40303265045");
        await page.GetByLabel("Due date", Exact).FillAsync("2026-04-15");
        await page.GetByLabel("VAT number", Exact).Nth(1).FillAsync("BE0477472701");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the e-invoice" }).ClickAsync();
        await Assertions.Expect(check).ToContainTextAsync("This document gets an e-invoice");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create document" }).ClickAsync();

        await page.WaitForURLAsync(BrowserSteps.DocumentUrl(), BrowserSteps.Committed);
        await Assertions.Expect(page.Row("Total incl. VAT")).ToContainTextAsync("€263.20");

        // Editing makes version 2; version 1 stays.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the document" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Description 1", Exact)).ToHaveValueAsync("Hanglamp");
        await page.GetByLabel("Quantity 1", Exact).FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();

        await page.WaitForURLAsync(BrowserSteps.DocumentUrl(), BrowserSteps.Committed);
        await Assertions.Expect(page.Row("Total incl. VAT")).ToContainTextAsync("€384.20");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "v1" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[aria-current=true]")).ToHaveTextAsync("v2");
    }

    [Fact]
    public async Task NewInvoice_WithoutScript_AddLinePostsAndKeepsWhatWasTyped()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address!.ToString(), Locale = "en-US", JavaScriptEnabled = false });
        context.SetDefaultTimeout(45_000);
        var page = await context.NewPageAsync();
        await page.SignInAsync(tenant.OwnerEmail);
        await page.GotoAsync($"/c/{tenant.CompanyId}/documents/new");

        await page.GetByLabel("Description 1", Exact).FillAsync("Hanglamp");
        await page.GetByLabel("Unit price 1", Exact).FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a line" }).ClickAsync();

        await Assertions.Expect(page.GetByLabel("Description 1", Exact)).ToHaveValueAsync("Hanglamp");
        await Assertions.Expect(page.GetByLabel("Description 2", Exact)).ToHaveValueAsync("");
    }

    [Fact]
    public async Task InboxUbl_BecomesAPurchaseInvoiceWithItsLines_KeepingTheXml()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var supplier = new Party
        {
            Name = "Koffiebranderij Mertens BV",
            VatNumber = "BE0477472701",
            Iban = "BE68539007547034",
            Address = new PostalAddress { Street = "Brugsesteenweg 45", PostalCode = "9000", City = "Gent", Country = "BE" },
        };
        var ubl = UblWriter.Write(DocumentCalculator.Complete(new DocumentContent
        {
            Type = DocumentType.Invoice,
            Number = "KM-2026-0117",
            IssueDate = new DateOnly(2026, 1, 15),
            DueDate = new DateOnly(2026, 2, 14),
            Currency = "EUR",
            Seller = supplier,
            Buyer = new Party { Name = "Lumen BV", VatNumber = "BE0403170701", Address = new PostalAddress { City = "Brussel", Country = "BE" } },
            Lines =
            [
                new DocumentLine { Description = "Espresso blend 1 kg", Quantity = 10, UnitPrice = 12.50m, VatRate = 21 },
                new DocumentLine { Description = "Koffieboek", Quantity = 3, UnitPrice = 8m, VatRate = 6 },
            ],
            Totals = new DocumentTotals(),
        }));
        var page = await chromium.NewPageAsync(app.Address!);
        await page.SignInAsync(tenant.OwnerEmail);
        await page.Navigation().GetByRole(AriaRole.Link, new() { Name = "Inbox" }).ClickAsync();
        await page.GetByLabel("Files", Exact).SetInputFilesAsync(new FilePayload { Name = "KM-2026-0117.xml", MimeType = "application/xml", Buffer = ubl });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        await page.Row("KM-2026-0117.xml").GetByRole(AriaRole.Link, new() { Name = "Process" }).ClickAsync();
        await Assertions.Expect(page.Locator(".einvoice")).ToContainTextAsync("It passes the EN 16931 and Peppol rules");
        await Assertions.Expect(page.GetByLabel("Type", Exact)).ToHaveValueAsync("PurchaseInvoice");
        await Assertions.Expect(page.GetByLabel("Number", Exact)).ToHaveValueAsync("KM-2026-0117");
        await Assertions.Expect(page.GetByLabel("Customer / supplier", Exact)).ToHaveValueAsync("Koffiebranderij Mertens BV");
        await Assertions.Expect(page.GetByLabel("Description 2", Exact)).ToHaveValueAsync("Koffieboek");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the document" }).ClickAsync();

        await page.WaitForURLAsync(BrowserSteps.DocumentUrl(), BrowserSteps.Committed);
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Purchase invoice KM-2026-0117");
        await Assertions.Expect(page.Row("Total incl. VAT")).ToContainTextAsync("€176.69");
        var xml = page.GetByRole(AriaRole.Link, new() { Name = "KM-2026-0117.xml" });
        await Assertions.Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "KM-2026-0117.xml" })).ToContainTextAsync("UBL");
        (await (await page.APIRequest.GetAsync((await xml.GetAttributeAsync("href"))!)).BytesAsync()).ShouldBe(ubl);

        // The inbox has columns for the supplier, the total and who the item is for.
        await page.Navigation().GetByRole(AriaRole.Link, new() { Name = "Inbox" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Processed" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader)).ToContainTextAsync(["File", "Supplier", "Total", "For"]);
    }
}
