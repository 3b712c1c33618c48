using System.Diagnostics;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Web.Hosting;
using DocSync.Web.Tests.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static DocSync.Web.Tests.Infrastructure.ApiRequests;

namespace DocSync.Web.Tests.Export;

/// <summary>
/// Export end to end in a browser: link a Dropbox through the emulator's consent page, choose a
/// layout from its live preview, watch the copy of existing documents finish, find each file at the
/// previewed path, then edit a document and see its new revision arrive.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ExportFlowTests(Databases databases, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Connect_ChooseLayout_BackfillFinishes_FilesAtPreviewedPaths_EditArrivesAsNewRevision()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, Core.Persistence.DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["DocSync:Dropbox:Emulator:Enabled"] = "true",
            ["DocSync:Dropbox:Emulator:Port"] = "0",
            ["DocSync:Dropbox:Emulator:DataPath"] = Path.Combine(Path.GetTempPath(), "docsync-emu-" + Guid.NewGuid().ToString("N")),
            ["DocSync:Export:Enabled"] = "true",
            ["DocSync:Export:PollInterval"] = "00:00:00.500",
        });
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var ids = new List<Guid>();
        using (var api = tenant.KestrelApi())
        {
            for (var i = 1; i <= 12; i++)
            {
                var buyer = i % 3 == 0 ? "Brasserie Étoile SPRL" : "Librairie Dupont SARL";
                ids.Add((await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice($"F2026-{i:0000}", buyer: buyer), status: "final"))).Id());
            }
            await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("Q-0001", type: "quote"), status: "final"));
        }

        var page = await chromium.NewPageAsync(app.Address!);
        await page.SignInAsync(tenant.OwnerEmail);
        await page.GotoAsync($"/c/{tenant.CompanyId}/connections");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Accountant");
        await page.GetByLabel("Folder in Dropbox").FillAsync("/DocSync/Lumen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to Dropbox" }).ClickAsync();
        await page.GetByLabel("Sign in as").SelectOptionAsync(new SelectOptionValue { Label = $"Alice Martin <{WorldSeeder.AliceEmail}>" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Connection 'Accountant' is linked.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Accountant" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accountant", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("For the accountant");
        await page.GetByLabel("By customer or supplier").CheckAsync();
        var previewed = page.Locator("[data-preview-path]").Filter(new() { HasText = "F2026-0012" });
        await Assertions.Expect(previewed.First).ToHaveTextAsync("/DocSync/Lumen/Brasserie Étoile SPRL/2026/F2026-0012.pdf");
        var previewedPaths = await page.Locator("[data-preview-path]").AllTextContentsAsync();
        previewedPaths.ShouldContain("/DocSync/Lumen/Librairie Dupont SARL/2026/F2026-0011.xml");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Profile saved");

        // The page follows the copy as it runs, without reloading.
        await Assertions.Expect(page.Locator("[data-profile] [data-field='progress-text']")).ToHaveAttributeAsync("data-completed", "true",
            new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-field='queued']")).ToHaveTextAsync("0");

        var emulator = app.Services.GetRequiredService<EmbeddedEmulatorService>().Emulator!;
        var files = ServerFiles(emulator);
        files.Count.ShouldBe(24); // 12 invoices × (PDF + UBL); the quote is not in the profile
        foreach (var path in previewedPaths)
        {
            files.ShouldContainKey(path.ToLowerInvariant());
            files[path.ToLowerInvariant()].Path.ShouldBe(path);
        }

        // An edit arrives as a new revision of the same file.
        var pdf = "/docsync/lumen/librairie dupont sarl/2026/f2026-0001.pdf";
        var before = files[pdf];
        using (var api = tenant.KestrelApi())
        {
            var body = SampleDocuments.Body(SampleDocuments.Invoice("F2026-0001", note: "Betaling binnen 14 dagen"), status: "final");
            using var response = await api.PutDocumentAsync(ids[0], Json(body), "\"1\"");
            response.EnsureSuccessStatusCode();
        }
        var clock = Stopwatch.StartNew();
        while (ServerFiles(emulator)[pdf].Rev == before.Rev && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
        }
        var after = ServerFiles(emulator)[pdf];
        after.Rev.ShouldNotBe(before.Rev);
        after.Id.ShouldBe(before.Id);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sync log" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.log tbody tr").First).ToContainTextAsync("New revision");

        // The connection page says what the export loop is doing: idle once the edit is out.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Engines on this connection" })).ToBeVisibleAsync();
        var loop = page.Locator("[data-field='loops'] [data-engine='Export']");
        await Assertions.Expect(loop).ToHaveAttributeAsync("data-state", "Idle");
        await Assertions.Expect(loop).ToHaveTextAsync("Idle");
        if (Environment.GetEnvironmentVariable("DOCSYNC_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "ui-export.png"), FullPage = false });
        }
    }

    private static Dictionary<string, (string Path, string Rev, string Id)> ServerFiles(DocSync.Dropbox.Emulator.DropboxEmulator emulator)
    {
        var account = emulator.Account(WorldSeeder.AliceEmail);
        lock (emulator.State.Gate)
        {
            var view = emulator.State.ViewOfNamespace(account.HomeNamespaceId);
            return view.Store.Descendants(view.PrefixLower + "/docsync")
                .Where(n => !n.IsFolder && n.Current is not null)
                .ToDictionary(n => n.PathLower[view.PrefixLower.Length..], n => (n.PathDisplay[view.PrefixLower.Length..], n.Current!.Rev, n.Id));
        }
    }
}
