using System.Net;
using System.Net.Http.Headers;
using DocSync.Core.Persistence;
using Microsoft.Playwright;

namespace DocSync.Web.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed class ApiKeysPageTests(Databases databases, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task ApiKey_CreatedThenRevoked_ShownOnceWorksThenRefused()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var page = await chromium.NewPageAsync(app.Address!);
        await page.SignInAsync(tenant.OwnerEmail);
        await page.Navigation().GetByRole(AriaRole.Link, new() { Name = "API keys" }).ClickAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Invoicing app");
        await page.GetByLabel("Access", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Read and write" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();

        var key = (await page.Locator("#new-key").TextContentAsync())!.Trim();
        key.ShouldStartWith("dsk_");
        using var http = new HttpClient { BaseAddress = app.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using (var company = await http.GetAsync("/api/v1/company"))
        {
            (await company.ShouldBeJsonAsync(HttpStatusCode.OK)).Id().ShouldBe(tenant.CompanyId);
        }

        await page.GotoAsync($"/c/{tenant.CompanyId}/api-keys");
        await Assertions.Expect(page.Locator("#new-key")).ToHaveCountAsync(0);
        (await page.ContentAsync()).ShouldNotContain(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke Invoicing app", Exact = true }).ClickAsync();
        // Asked first: nothing is revoked yet, the key still works.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Revoke the API key “Invoicing app”?" })).ToBeVisibleAsync();
        using (var stillWorks = await http.GetAsync("/api/v1/company"))
        {
            stillWorks.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("API key “Invoicing app” revoked");
        await Assertions.Expect(page.Row("Invoicing app")).ToContainTextAsync("Revoked");
        await Assertions.Expect(page.Row("tests")).ToContainTextAsync("Active");

        using var refused = await http.GetAsync("/api/v1/company");
        await refused.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}
