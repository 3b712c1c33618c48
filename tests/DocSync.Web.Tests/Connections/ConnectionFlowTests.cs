using System.Net;
using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Connections;
using DocSync.Core.Persistence;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Web.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DocSync.Web.Tests.Connections;

[Collection(WebCollection.Name)]
public sealed class ConnectionFlowTests(Databases databases, Chromium chromium) : IClassFixture<Chromium>
{
    private static Dictionary<string, string?> WithEmulator() => new()
    {
        ["DocSync:Dropbox:Emulator:Enabled"] = "true",
        ["DocSync:Dropbox:Emulator:Port"] = "0",
        ["DocSync:Dropbox:Emulator:DataPath"] = Path.Combine(Path.GetTempPath(), "docsync-emu-" + Guid.NewGuid().ToString("N")),
    };

    [Fact]
    public async Task Connect_ThroughTheEmulatorsConsentPage_LinksTheAccountWithAnEncryptedToken()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite, WithEmulator());
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var page = await chromium.NewPageAsync(app.Address!);
        await page.SignInAsync(tenant.OwnerEmail);

        await page.GotoAsync($"/c/{tenant.CompanyId}/connections");
        await Assertions.Expect(page.GetByText("Emulated Dropbox.")).ToBeVisibleAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Accounting Dropbox");
        await page.GetByLabel("Folder in Dropbox").FillAsync("/DocSync/Lumen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to Dropbox" }).ClickAsync();
        await page.GetByLabel("Sign in as").SelectOptionAsync(new SelectOptionValue { Label = $"Alice Martin <{WorldSeeder.AliceEmail}>" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Connection 'Accounting Dropbox' is linked.");
        var row = page.Row("Accounting Dropbox");
        await Assertions.Expect(row).ToContainTextAsync(WorldSeeder.AliceEmail);
        await Assertions.Expect(row).ToContainTextAsync("/DocSync/Lumen");
        await Assertions.Expect(row).ToContainTextAsync("Active");

        var stored = await StoredAsync(app, tenant.CompanyId);
        stored.ProtectedRefreshToken.ShouldNotBeNull().ShouldStartWith("CfDJ8", customMessage: "a Data Protection payload, not the token in clear");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CompanyContext>().Enter(CompanyScope.System(tenant.CompanyId));
            var token = await scope.ServiceProvider.GetRequiredService<ConnectionService>().RevealRefreshTokenAsync(stored.Id);
            stored.ProtectedRefreshToken.ShouldNotContain(token);
        }

        await row.GetByRole(AriaRole.Button, new() { Name = "Disconnect" }).ClickAsync();
        await page.Locator("section.confirm").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Row("Accounting Dropbox")).ToContainTextAsync("Disconnected");
        (await StoredAsync(app, tenant.CompanyId)).ProtectedRefreshToken.ShouldBeNull();
    }

    [Fact]
    public async Task Callback_StateNotStartedHere_RefusedAndNothingLinked()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite, WithEmulator());
        var tenant = await app.CreateTenantAsync("Lumen BV");
        using var ui = await UiClient.SignInAsync(app, tenant.OwnerEmail);

        var forged = await ui.Http.GetAsync("/dropbox/callback?code=stolen-code&state=forged-state");

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await forged.Content.ReadAsStringAsync()).ShouldContain("does not belong to a link you started");
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<DocSyncDbContext>().DropboxConnections.IgnoreQueryFilters().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Connect_InvalidRootFolder_SaysWhyAndDoesNotLeave()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite, WithEmulator());
        var tenant = await app.CreateTenantAsync("Lumen BV");
        using var ui = await UiClient.SignInAsync(app, tenant.OwnerEmail);

        var url = $"/c/{tenant.CompanyId}/connections";
        var response = await ui.Http.PostAsync(url + "?handler=connect", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [UiClient.TokenField] = await ui.TokenAsync(url),
            ["name"] = "Dropbox",
            ["rootFolder"] = "/Docs/../etc",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("no empty, &#x27;.&#x27; or &#x27;..&#x27; parts");
    }

    private static async Task<DropboxConnection> StoredAsync(DocSyncApp app, Guid companyId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DocSyncDbContext>().DropboxConnections.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(c => c.CompanyId == companyId);
    }
}
