using DocSync.Core.Persistence;
using Microsoft.Playwright;

namespace DocSync.Web.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed class PeopleTests(Databases databases, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task AddPerson_New_InvitationLinkSetsPasswordOnce()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var owner = await chromium.NewPageAsync(app.Address!);
        await owner.SignInAsync(tenant.OwnerEmail);
        await owner.Navigation().GetByRole(AriaRole.Link, new() { Name = "People" }).ClickAsync();

        await owner.GetByLabel("E-mail", new() { Exact = true }).FillAsync("nina@example.com");
        await owner.GetByLabel("Name", new() { Exact = true }).FillAsync("Nina Nieuw");
        await owner.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Member" });
        await owner.GetByRole(AriaRole.Button, new() { Name = "Add a person" }).ClickAsync();

        await Assertions.Expect(owner.GetByRole(AriaRole.Status)).ToContainTextAsync("one-time link");
        var link = (await owner.Locator("#invite-link").TextContentAsync())!.Trim();
        link.ShouldStartWith($"{app.Address}set-password?personId=");
        await Assertions.Expect(owner.Row("Nina Nieuw")).ToContainTextAsync("nina@example.com");

        var nina = await chromium.NewPageAsync(app.Address!);
        await nina.GotoAsync(link);
        await Assertions.Expect(nina.MainHeading()).ToHaveTextAsync("Choose your password");
        await nina.GetByLabel("Password").FillAsync("ninas own long password");
        await nina.GetByRole(AriaRole.Button, new() { Name = "Save password" }).ClickAsync();
        await Assertions.Expect(nina.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your password is set. You can sign in now.");
        await nina.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await nina.FillSignInAsync("nina@example.com", "ninas own long password");
        await nina.WaitForURLAsync($"**/c/{tenant.CompanyId}/overview", BrowserSteps.Committed);
        await Assertions.Expect(nina.MainHeading()).ToHaveTextAsync("Overview");
        await Assertions.Expect(nina.Navigation().GetByRole(AriaRole.Link, new() { Name = "Documents" })).ToBeVisibleAsync();
        await Assertions.Expect(nina.Navigation().GetByRole(AriaRole.Link, new() { Name = "People" })).ToHaveCountAsync(0);

        var again = await chromium.NewPageAsync(app.Address!);
        await again.GotoAsync(link);
        await again.GetByLabel("Password").FillAsync("someone else's password");
        await again.GetByRole(AriaRole.Button, new() { Name = "Save password" }).ClickAsync();
        await Assertions.Expect(again.GetByRole(AriaRole.Alert)).ToContainTextAsync("This link is not valid any more.");
        var stillNina = await chromium.NewPageAsync(app.Address!);
        await stillNina.SignInAsync("nina@example.com", "ninas own long password");
    }
}
