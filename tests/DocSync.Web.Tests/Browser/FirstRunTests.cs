using DocSync.Core.Persistence;
using Microsoft.Playwright;

namespace DocSync.Web.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed class FirstRunTests(Databases databases, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Setup_FreshInstall_CreatesOwnerAndShowsDemoDocuments()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var page = await chromium.NewPageAsync(app.Address!);

        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/setup", BrowserSteps.Committed);
        await FillSetupAsync(page, demo: true);

        await page.WaitForURLAsync(BrowserSteps.OverviewUrl(), BrowserSteps.Committed);
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Overview");
        await page.Navigation().GetByRole(AriaRole.Link, new() { Name = "Documents" }).ClickAsync();
        await page.WaitForURLAsync(BrowserSteps.DocumentsUrl(), BrowserSteps.Committed);
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Documents");
        await Assertions.Expect(page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row)).Not.ToHaveCountAsync(0);
        var folder = Environment.GetEnvironmentVariable("DOCSYNC_SCREENSHOTS");
        if (folder is { Length: > 0 })
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "ui-documents.png"), FullPage = false });
        }

        var first = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First;
        var number = await first.TextContentAsync();
        await first.ClickAsync();
        await page.WaitForURLAsync(BrowserSteps.DocumentUrl(), BrowserSteps.Committed);
        await Assertions.Expect(page.MainHeading()).ToContainTextAsync(number!);
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Total incl. VAT" })).ToContainTextAsync("€");
        if (folder is { Length: > 0 })
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "ui-document.png"), FullPage = false });
        }
    }

    [Fact]
    public async Task Setup_WithoutDemo_LandsInOwnEmptyCompanyAndSetupIsGone()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var page = await chromium.NewPageAsync(app.Address!);

        await page.GotoAsync("/setup");
        await FillSetupAsync(page, demo: false);

        // A new company opens on the overview's guided start, nothing done yet.
        await page.WaitForURLAsync(BrowserSteps.OverviewUrl(), BrowserSteps.Committed);
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Overview");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Getting started" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ol.steps li.done")).ToHaveCountAsync(0);
        var ownCompany = page.Url;
        await page.Navigation().GetByRole(AriaRole.Link, new() { Name = "Documents" }).ClickAsync();
        await page.WaitForURLAsync(BrowserSteps.DocumentsUrl(), BrowserSteps.Committed);
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Documents");
        await Assertions.Expect(page.Navigation()).ToContainTextAsync("Lumen BV");
        await Assertions.Expect(page.GetByLabel("Company", new() { Exact = true }).Locator("option")).ToHaveTextAsync(["Lumen BV"]);
        await Assertions.Expect(page.GetByText("No documents match.")).ToBeVisibleAsync();

        await page.GotoAsync("/setup");
        page.Url.ShouldBe(ownCompany);
        var stranger = await chromium.NewPageAsync(app.Address!);
        await stranger.GotoAsync("/setup");
        await stranger.WaitForURLAsync("**/sign-in?ReturnUrl=%2F", BrowserSteps.Committed);
        await Assertions.Expect(stranger.MainHeading()).ToHaveTextAsync("Sign in");
    }

    private static async Task FillSetupAsync(IPage page, bool demo)
    {
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Ann Owner");
        await page.GetByLabel("E-mail").FillAsync("ann@example.com");
        await page.GetByLabel("Password").FillAsync("correct horse battery");
        await page.GetByLabel("Company name").FillAsync("Lumen BV");
        await page.GetByLabel("Also create a demo company").SetCheckedAsync(demo);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and sign in" }).ClickAsync();
    }
}
