using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Connections;
using DocSync.Core.Notifications;
using DocSync.Core.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DocSync.Web.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed class NotificationPageTests(Databases databases, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Notice_ArrivesInTheHeader_LeadsToTheFix_IsReadPerPerson()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["DocSync:Notifications:Enabled"] = "false", // the test runs the worker's rounds itself
        });
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var connectionId = await tenant.LinkDropboxAsync("Accounting Dropbox", "Alice Martin", "alice@example.com");
        var memberEmail = await tenant.AddPersonAsync("Mia Member", CompanyRole.Member);
        var page = await chromium.NewPageAsync(app.Address!);
        await page.SignInAsync(tenant.OwnerEmail);
        var bell = page.Locator("header a.bell");
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, 0 unread");

        // Dropbox refuses the grant: the change writes the event, the worker hands it out.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CompanyContext>().Enter(CompanyScope.System(tenant.CompanyId));
            await scope.ServiceProvider.GetRequiredService<ConnectionService>().MarkNeedsRelinkAsync(connectionId, "Dropbox refused DocSync's access (invalid_grant).");
        }
        (await app.Services.GetRequiredService<NotificationWorker>().RunOnceAsync()).ShouldBe(1);

        await page.ReloadAsync();
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread");
        await Assertions.Expect(bell.Locator(".unread")).ToHaveTextAsync("1");
        await bell.ClickAsync();
        await page.WaitForURLAsync($"**/c/{tenant.CompanyId}/notifications", BrowserSteps.Committed);
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Notifications");
        var notice = page.Locator("ul.notices li");
        await Assertions.Expect(notice).ToHaveCountAsync(1);
        await Assertions.Expect(notice).ToContainTextAsync("The Dropbox connection “Accounting Dropbox” needs re-linking.");
        await Assertions.Expect(notice).ToContainTextAsync("invalid_grant");
        await Assertions.Expect(page.GetByText("This server has no mail server set up")).ToBeVisibleAsync();

        // The notice links to the page that fixes it.
        await notice.GetByRole(AriaRole.Link, new() { Name = "Link it again" }).ClickAsync();
        await page.WaitForURLAsync($"**/c/{tenant.CompanyId}/connections", BrowserSteps.Committed);
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Dropbox");
        await page.GoBackAsync();

        // Read (a plain form: no JavaScript needed); the count goes.
        await notice.GetByRole(AriaRole.Button, new() { Name = "Mark as read: The Dropbox connection “Accounting Dropbox” needs re-linking." }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Marked as read.");
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, 0 unread");
        await Assertions.Expect(notice).Not.ToContainTextAsync("New");

        // The e-mail choice is the person's own.
        await page.GetByLabel("In one message a day").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your e-mail choice is saved.");
        await Assertions.Expect(page.GetByLabel("In one message a day")).ToBeCheckedAsync();

        // A member cannot re-link connections: the notice is not theirs to see.
        var member = await chromium.NewPageAsync(app.Address!);
        await member.SignInAsync(memberEmail);
        await Assertions.Expect(member.Locator("header a.bell")).ToHaveAttributeAsync("aria-label", "Notifications, 0 unread");
        await member.GotoAsync($"/c/{tenant.CompanyId}/notifications");
        await Assertions.Expect(member.Locator("ul.notices li")).ToHaveCountAsync(0);
    }
}
