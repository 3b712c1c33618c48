using DocSync.Core.Collect;
using DocSync.Core.Companies;
using DocSync.Core.Export;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DocSync.Web.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed class OverviewPageTests(Databases databases, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Overview_IsHome_ShowsProblemsChartsAndLeadsToTheFix()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var documentIds = new List<Guid>();
        using (var api = tenant.KestrelApi())
        {
            foreach (var number in new[] { "F2026-0001", "F2026-0002" })
            {
                documentIds.Add((await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice(number)))).Id());
            }
        }

        var binderId = await tenant.CreateBinderAsync("Aankopen");
        var connectionId = await tenant.LinkDropboxAsync("Accounting Dropbox", "Alice Martin", "alice@example.com");
        var profileId = await tenant.CreateExportProfileAsync(connectionId);
        var channelId = await tenant.CreateChannelAsync(connectionId, binderId, "Klantenmap");
        await using (var scope = EnterCompany(tenant))
        {
            // Both documents gave up (dead letters); the channel's folder went away (DocSync paused it).
            var db = scope.ServiceProvider.GetRequiredService<DocSyncDbContext>();
            var now = DateTimeOffset.UtcNow;
            await db.SyncTasks.Where(t => t.ProfileId == profileId).ExecuteDeleteAsync();
            db.SyncTasks.AddRange(documentIds.Select(d => new SyncTask
            {
                ConnectionId = connectionId, ProfileId = profileId, DocumentId = d, Priority = SyncPriority.Change, NextAttemptAt = now, CreatedAt = now,
                DeadAt = now, Attempts = 10, LastErrorCode = "path/malformed_path", LastError = "Dropbox refused the path.",
            }));
            var channel = await db.CollectionChannels.SingleAsync(c => c.Id == channelId);
            channel.Problem = "The source folder /Drop is gone; nothing was read.";
            channel.ProblemCode = "source-gone";
            await db.SaveChangesAsync();
        }

        var page = await chromium.NewPageAsync(app.Address!);
        await page.GotoAsync("/sign-in");
        await page.FillSignInAsync(tenant.OwnerEmail);
        await page.WaitForURLAsync($"**/c/{tenant.CompanyId}/overview", BrowserSteps.Committed);
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Overview");
        await Assertions.Expect(page.Navigation().GetByRole(AriaRole.Link, new() { Name = "Overview" })).ToHaveAttributeAsync("aria-current", "page");

        // Every step of the guided start is done: it steps aside.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Getting started" })).ToHaveCountAsync(0);
        var problems = page.Locator("ul.problems li");
        await Assertions.Expect(problems).ToHaveCountAsync(2);
        await Assertions.Expect(problems.Nth(0)).ToContainTextAsync("2 documents could not be exported to “Accounting Dropbox”");
        await Assertions.Expect(problems.Nth(1)).ToContainTextAsync("The collection channel “Klantenmap” is paused.");
        await Assertions.Expect(problems.Nth(1)).ToContainTextAsync("The source folder /Drop is gone");
        var connectionRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Accounting Dropbox" });
        await Assertions.Expect(connectionRow).ToContainTextAsync("Active");
        await Assertions.Expect(connectionRow.Locator("td").Nth(2)).ToHaveTextAsync("2");

        // The charts draw as accessible SVG, with the same figures as a table.
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Files exported and collected, last 30 days" })).ToBeVisibleAsync();
        await page.GetByText("As a table").First.ClickAsync();
        await Assertions.Expect(page.Locator("details.as-table").First.Locator("tbody tr")).ToHaveCountAsync(30);

        // Each problem leads to the page that fixes it.
        await problems.Nth(0).GetByRole(AriaRole.Link, new() { Name = "See them and retry" }).ClickAsync();
        await page.WaitForURLAsync($"**/c/{tenant.CompanyId}/connections/{connectionId}", BrowserSteps.Committed);
        await Assertions.Expect(page.MainHeading()).ToContainTextAsync("Accounting Dropbox");
        await page.GoBackAsync();
        await problems.Nth(1).GetByRole(AriaRole.Link, new() { Name = "Open the channel" }).ClickAsync();
        await page.WaitForURLAsync($"**/c/{tenant.CompanyId}/collection/{channelId}", BrowserSteps.Committed);

        // A member sees how things stand but is not sent to pages their role does not open.
        var memberEmail = await tenant.AddPersonAsync("Mia Member", CompanyRole.Member);
        var member = await chromium.NewPageAsync(app.Address!);
        await member.GotoAsync("/sign-in");
        await member.FillSignInAsync(memberEmail);
        await member.WaitForURLAsync($"**/c/{tenant.CompanyId}/overview", BrowserSteps.Committed);
        await Assertions.Expect(member.Locator("ul.problems li").Nth(0)).ToContainTextAsync("An owner or an admin can fix this.");
        await Assertions.Expect(member.Locator("ul.problems a")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task NewCompany_GuidedStart_StepsTickOffAsTheyAreDone()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Nieuw BV");
        var page = await chromium.NewPageAsync(app.Address!);
        await page.GotoAsync("/sign-in");
        await page.FillSignInAsync(tenant.OwnerEmail);
        await page.WaitForURLAsync($"**/c/{tenant.CompanyId}/overview", BrowserSteps.Committed);
        var steps = page.Locator("ol.steps li");
        await Assertions.Expect(steps).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("ol.steps li.done")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Everything is in order: nothing needs you.");

        // The first step's link leads to a new document; once one exists the step is ticked.
        await steps.Nth(0).GetByRole(AriaRole.Link, new() { Name = "New document" }).ClickAsync();
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("New document");
        await page.FillDocumentAsync("F-2026-0001", "Librairie Dupont SARL", lines: ("Hanglamp", "1", "100", "21"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Create document" }).ClickAsync();
        await page.WaitForURLAsync(BrowserSteps.DocumentUrl(), BrowserSteps.Committed);
        await page.Navigation().GetByRole(AriaRole.Link, new() { Name = "Overview" }).ClickAsync();
        await Assertions.Expect(page.Locator("ol.steps li.done")).ToHaveCountAsync(1);
        await Assertions.Expect(steps.Nth(0)).ToContainTextAsync("Done:");
        await Assertions.Expect(steps.Nth(1).GetByRole(AriaRole.Link, new() { Name = "Link a Dropbox account" })).ToHaveAttributeAsync("href", $"/c/{tenant.CompanyId}/connections");

        var connectionId = await tenant.LinkDropboxAsync("Accounting Dropbox", "Alice Martin", "alice@example.com");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("ol.steps li.done")).ToHaveCountAsync(2);
        await Assertions.Expect(steps.Nth(2).GetByRole(AriaRole.Link, new() { Name = "Choose a layout" })).ToHaveAttributeAsync("href", $"/c/{tenant.CompanyId}/connections/{connectionId}");
        await tenant.CreateExportProfileAsync(connectionId);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Getting started" })).ToHaveCountAsync(0);
    }

    private static AsyncServiceScope EnterCompany(TestTenant tenant)
    {
        var scope = tenant.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<DocSync.Core.Access.CompanyContext>()
            .Enter(new DocSync.Core.Access.CompanyScope(tenant.CompanyId, DocSync.Core.Access.Actor.Person(tenant.OwnerId), RoleRights.All));
        return scope;
    }
}
