using System.Text.RegularExpressions;
using DocSync.Core.Persistence;
using Microsoft.Playwright;

namespace DocSync.Web.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed class SignInTests(Databases databases, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task SignIn_WrongThenRightPassword_ErrorThenDocumentsThenSignOut()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var page = await chromium.NewPageAsync(app.Address!);

        await page.GotoAsync("/sign-in");
        await page.FillSignInAsync(tenant.OwnerEmail, "not the password");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("the e-mail or the password is not right");
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Sign in");

        await page.FillSignInAsync(tenant.OwnerEmail);
        await page.WaitForURLAsync($"**/c/{tenant.CompanyId}/overview", BrowserSteps.Committed);
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Overview");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/sign-in", BrowserSteps.Committed);
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Sign in");
        await page.GotoAsync($"/c/{tenant.CompanyId}/documents");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sign-in\\?ReturnUrl="));
    }

    [Fact]
    public async Task CompanyPage_SignedOut_SignInLeadsBackThere()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var page = await chromium.NewPageAsync(app.Address!);
        var binders = $"/c/{tenant.CompanyId}/binders";

        await page.GotoAsync(binders);
        await page.WaitForURLAsync($"**/sign-in?ReturnUrl={Uri.EscapeDataString(binders)}", BrowserSteps.Committed);
        await page.FillSignInAsync(tenant.OwnerEmail);

        await page.WaitForURLAsync($"**{binders}", BrowserSteps.Committed);
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Binders");
    }
}
