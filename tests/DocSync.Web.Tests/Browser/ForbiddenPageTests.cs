using DocSync.Core.Companies;
using DocSync.Core.Persistence;
using Microsoft.Playwright;

namespace DocSync.Web.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed class ForbiddenPageTests(Databases databases, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task ManagementPages_ExternalOrMember_NotAllowedPageAndNoLinks()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var external = await chromium.NewPageAsync(app.Address!);
        await external.SignInAsync(await tenant.AddPersonAsync("Eva Extern", CompanyRole.External));
        var member = await chromium.NewPageAsync(app.Address!);
        await member.SignInAsync(await tenant.AddPersonAsync("Mo Member", CompanyRole.Member));

        // External: view only.
        await Assertions.Expect(external.MainHeading()).ToHaveTextAsync("Documents");
        await Assertions.Expect(external.GetByRole(AriaRole.Link, new() { Name = "New document" })).ToHaveCountAsync(0);
        await Assertions.Expect(external.Navigation().GetByRole(AriaRole.Link)).ToHaveTextAsync(["Overview", "Documents", "Binders", "Files"]);
        foreach (var path in new[] { "people", "api-keys", "documents/new", "inbox", "audit", "connections", "collection" })
        {
            await ShouldBeNotAllowedAsync(external, $"/c/{tenant.CompanyId}/{path}");
        }

        // Member: documents and inbox, no management.
        await Assertions.Expect(member.Navigation().GetByRole(AriaRole.Link)).ToHaveTextAsync(["Overview", "Documents", "Inbox", "Binders", "Files"]);
        await Assertions.Expect(member.Navigation().GetByRole(AriaRole.Link, new() { Name = "Collection" })).ToHaveCountAsync(0);
        foreach (var path in new[] { "audit", "people", "api-keys", "connections", "collection", "collection/new", "collection/history" })
        {
            await ShouldBeNotAllowedAsync(member, $"/c/{tenant.CompanyId}/{path}");
        }
    }

    private static async Task ShouldBeNotAllowedAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        response!.Status.ShouldBe(403, url);
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Not allowed");
        await Assertions.Expect(page.GetByText("Your role in this company does not include this.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "People" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "API keys" })).ToHaveCountAsync(0);
    }
}
