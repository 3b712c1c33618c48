using System.Text.RegularExpressions;
using DocSync.Core.Persistence;
using Microsoft.Playwright;

namespace DocSync.Web.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed partial class FirstRunTests(Databases databases, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Setup_FreshInstall_CreatesOwnerAndShowsDemoDocuments()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var page = await chromium.NewPageAsync(app.Address!);

        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/setup");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Ann Owner");
        await page.GetByLabel("E-mail").FillAsync("ann@example.com");
        await page.GetByLabel("Password").FillAsync("correct horse battery");
        await page.GetByLabel("Company name").FillAsync("Lumen BV");
        await page.GetByLabel("Also create a demo company").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and sign in" }).ClickAsync();

        await page.WaitForURLAsync(DocumentsUrl());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Documents" })).ToBeVisibleAsync();
        if (Environment.GetEnvironmentVariable("DOCSYNC_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "ui-documents.png"), FullPage = false });
        }
    }

    [GeneratedRegex(@"/c/[0-9a-f-]{36}/documents$")]
    private static partial Regex DocumentsUrl();
}
