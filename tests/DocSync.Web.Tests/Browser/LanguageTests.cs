using DocSync.Core.Persistence;
using Microsoft.Playwright;

namespace DocSync.Web.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed class LanguageTests(Databases databases, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Language_SwitchedInHeader_KeptAcrossPagesAndSignIns()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var page = await chromium.NewPageAsync(app.Address!);
        await page.SignInAsync(tenant.OwnerEmail);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.GetByRole(AriaRole.Button, new() { Name = "NL Nederlands", Exact = true }).ClickAsync();
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Documenten");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Nieuw document" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "FR Français", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Nouveau document" })).ToBeVisibleAsync();
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Documents");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "FR Français", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");

        // The cookie carries the choice to every page.
        await page.Navigation().GetByRole(AriaRole.Link, new() { Name = "Classeurs" }).ClickAsync();
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Classeurs");
        await page.GotoAsync($"/c/{tenant.CompanyId}/documents/new");
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Nouveau document");

        // Signed out, then in again from a browser that never saw the cookie: the saved choice comes back.
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Connexion");
        var elsewhere = await chromium.NewPageAsync(app.Address!);
        await elsewhere.SignInAsync(tenant.OwnerEmail);
        await Assertions.Expect(elsewhere.GetByRole(AriaRole.Link, new() { Name = "Nouveau document" })).ToBeVisibleAsync();
        await Assertions.Expect(elsewhere.Locator("html")).ToHaveAttributeAsync("lang", "fr");
    }

    [Fact]
    public async Task NewDocument_DecimalAmountsInDutchThenFrench_Kept()
    {
        // A number field always sends "12.50", whatever the page's language.
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var page = await chromium.NewPageAsync(app.Address!);
        await page.SignInAsync(tenant.OwnerEmail);

        foreach (var (culture, button, number) in new[] { ("nl", "NL Nederlands", "F-2026-0050"), ("fr", "FR Français", "F-2026-0051") })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = BrowserSteps.Text(culture, "nav.documents"), Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = BrowserSteps.Text(culture, "documents.new") }).ClickAsync();
            await page.FillDocumentAsync(number, "Librairie Dupont SARL", culture, ("Led-lamp E27", "2.5", "10.10", "21"));
            await page.GetByRole(AriaRole.Button, new() { Name = BrowserSteps.Text(culture, "new.submit") }).ClickAsync();

            await page.WaitForURLAsync(BrowserSteps.DocumentUrl(), BrowserSteps.Committed);
            await Assertions.Expect(page.Row(BrowserSteps.Text(culture, "detail.totalIncl"))).ToContainTextAsync("30,55 €");
        }
    }
}
