using DocSync.Core.Companies;
using DocSync.Core.Persistence;
using Microsoft.Playwright;

namespace DocSync.Web.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed class ForbiddenPageTests(Databases databases, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task External_ManagementPages_NotAllowedAndNotInNavigation()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var external = await tenant.AddPersonAsync("Eva Extern", CompanyRole.External);
        var page = await chromium.NewPageAsync(app.Address!);
        await page.SignInAsync(external);

        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Documents");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "New document" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Navigation().GetByRole(AriaRole.Link)).ToHaveTextAsync(["Documents", "Binders"]);

        foreach (var path in new[] { "people", "api-keys", "documents/new", "inbox", "audit" })
        {
            var response = await page.GotoAsync($"/c/{tenant.CompanyId}/{path}");
            response!.Status.ShouldBe(403, path);
            await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Not allowed");
            await Assertions.Expect(page.GetByText("Your role in this company does not include this.")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "People" })).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "API keys" })).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task Member_AuditLogAndPeople_NotAllowed()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var member = await tenant.AddPersonAsync("Mo Member", CompanyRole.Member);
        var page = await chromium.NewPageAsync(app.Address!);
        await page.SignInAsync(member);

        await Assertions.Expect(page.Navigation().GetByRole(AriaRole.Link)).ToHaveTextAsync(["Documents", "Inbox", "Binders"]);
        foreach (var path in new[] { "audit", "people", "api-keys" })
        {
            var response = await page.GotoAsync($"/c/{tenant.CompanyId}/{path}");
            response!.Status.ShouldBe(403, path);
            await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Not allowed");
        }
    }
}
