using System.Diagnostics;
using System.Text.RegularExpressions;
using DocSync.Core.Documents;
using DocSync.Core.Rendering;
using DocSync.Core.Validation;
using DocSync.Dropbox;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Web.Hosting;
using DocSync.Web.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DocSync.Web.Tests.Collection;

/// <summary>
/// Collection end to end in a browser: link a Dropbox through the emulator's consent page, make a
/// channel with the folder picker, drop a text PDF invoice and a PNG scan of it into the folder and
/// see both arrive in the inbox within seconds, read; "Run now" then collects nothing new, the
/// history shows the runs and their files, and a renamed file is not collected again.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CollectionFlowTests(Databases databases, Chromium chromium) : IClassFixture<Chromium>
{
    private const string InvoiceNumber = "F2026-0417";
    private const string Folder = "/Clients/Inbox drop";
    private const string PdfName = "invoice-from-client.pdf";
    private const string PngName = "scan-of-invoice.png";

    [Fact]
    public async Task Channel_DropPdfAndScan_BothInInboxReadOnce_RunNowCollectsNothingNew_RenameNotCollectedAgain()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, Core.Persistence.DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["DocSync:Dropbox:Emulator:Enabled"] = "true",
            ["DocSync:Dropbox:Emulator:Port"] = "0",
            ["DocSync:Dropbox:Emulator:DataPath"] = Path.Combine(Path.GetTempPath(), "docsync-emu-" + Guid.NewGuid().ToString("N")),
            ["DocSync:Collect:Enabled"] = "true",
            ["DocSync:Collect:PollInterval"] = "00:00:00.500",
            ["DocSync:Collect:StableAge"] = "00:00:01",
            ["DocSync:Collect:RecheckDelay"] = "00:00:01",
        });
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var emulator = app.Services.GetRequiredService<EmbeddedEmulatorService>().Emulator!;
        using var http = new HttpClient();
        var alice = new DropboxClient(http, new StaticTokenProvider(emulator.MintToken(WorldSeeder.AliceEmail)), new DropboxClientOptions
        {
            ApiBaseUri = emulator.BaseUri,
            ContentBaseUri = emulator.BaseUri,
            NotifyBaseUri = emulator.BaseUri,
            OAuthTokenBaseUri = emulator.BaseUri,
            OAuthAuthorizeBaseUri = emulator.BaseUri,
            AppKey = WorldSeeder.AppKey,
            AppSecret = WorldSeeder.AppSecret,
        });
        var drop = await alice.CreateFolderAsync(Folder);
        await alice.CreateFolderAsync("/Clients/Archive");
        var (pdf, png, total) = Invoice(app);

        var page = await chromium.NewPageAsync(app.Address!);
        await page.SignInAsync(tenant.OwnerEmail);
        await page.GotoAsync($"/c/{tenant.CompanyId}/connections");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Client uploads");
        await page.GetByLabel("Folder in Dropbox").FillAsync("/DocSync");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to Dropbox" }).ClickAsync();
        await page.GetByLabel("Sign in as").SelectOptionAsync(new SelectOptionValue { Label = $"Alice Martin <{WorldSeeder.AliceEmail}>" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Connection 'Client uploads' is linked.");

        await page.Navigation().GetByRole(AriaRole.Link, new() { Name = "Binders" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Purchases 2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create binder" }).ClickAsync();
        await Assertions.Expect(page.Row("Purchases 2026")).ToBeVisibleAsync();

        // The channel form, its folder chosen in the picker (what was typed before stays).
        await page.Navigation().GetByRole(AriaRole.Link, new() { Name = "Collection" }).ClickAsync();
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Collection");
        await page.GetByRole(AriaRole.Link, new() { Name = "New channel" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Client drop");
        await page.GetByLabel("Binder").SelectOptionAsync(new SelectOptionValue { Label = "Purchases 2026" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose a folder…" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Folders in /" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Clients", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Folders in /Clients" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Archive", Exact = true })).ToBeVisibleAsync();
        await AccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Use this folder {Folder}", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Folder in Dropbox")).ToHaveValueAsync(Folder);
        page.Url.ShouldNotContain("RequestVerificationToken", customMessage: "the picker's buttons post: the antiforgery token never lands in an address");
        await Assertions.Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Client drop");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Folders in /Clients" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Near real time: collect within seconds of a drop")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Leave the file where it is")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save channel" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Channel created");
        var card = page.Locator("article.channel").Filter(new() { HasText = "Client drop" });
        await Assertions.Expect(card).ToContainTextAsync("Daily at 06:00 (Europe/Brussels)");
        await Assertions.Expect(card).ToContainTextAsync(Folder);
        await Assertions.Expect(card).ToContainTextAsync("Purchases 2026");
        (await ChannelAsync(app, tenant)).SourceFolderId.ShouldBe(drop.Id, "the picker keeps the folder's id: a rename is noticed, never read as empty");

        // The drop: both files reach the inbox within seconds, read, for the owner in the binder.
        await alice.UploadBytesAsync($"{Folder}/{PdfName}", pdf);
        await alice.UploadBytesAsync($"{Folder}/{PngName}", png);
        var clock = Stopwatch.StartNew();
        var inbox = $"/c/{tenant.CompanyId}/inbox";
        while (true)
        {
            await page.GotoAsync(inbox);
            var arrived = await page.GetByRole(AriaRole.Link, new() { Name = PdfName }).CountAsync() + await page.GetByRole(AriaRole.Link, new() { Name = PngName }).CountAsync();
            if (arrived == 2 || clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                arrived.ShouldBe(2, $"after {clock.Elapsed}");
                break;
            }

            await Task.Delay(500);
        }

        var items = await tenant.InboxItemsAsync();
        items.Count.ShouldBe(2);
        var binderId = items[0].BinderId.ShouldNotBeNull();
        items.ShouldAllBe(i => i.Source == Core.Organizing.InboxSource.Collect && i.BinderId == binderId && i.AssigneeId == tenant.OwnerId);
        var texts = await ReadTextsAsync(app, tenant);
        texts[PdfName].ShouldContain(InvoiceNumber);
        texts[PdfName].ShouldContain(total);
        texts[PngName].ShouldContain(InvoiceNumber, customMessage: "the scan is read by OCR");

        await page.GotoAsync($"{inbox}/{items.Single(i => i.FileName == PdfName).Id}");
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync(PdfName);
        (await page.EvaluateAsync<string>(ShownText)).ShouldContain(InvoiceNumber);

        // "Run now" finds nothing new: both files were collected before.
        await RunNowAsync(page, tenant);

        // The history: the real-time runs that collected them, the manual run, and each file.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the channels" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "History" }).First.ClickAsync();
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("History");
        var runs = page.Locator("table.runs tbody tr");
        await Assertions.Expect(runs.Filter(new() { HasText = "Real time" }).First).ToBeVisibleAsync();
        var manual = runs.Filter(new() { HasText = "Run now" });
        await Assertions.Expect(manual).ToHaveCountAsync(1);
        await Assertions.Expect(manual).ToContainTextAsync($"Owner {tenant.OwnerEmail[6..14]}");
        await Assertions.Expect(manual).ToContainTextAsync("Completed");
        var collected = new List<string>();
        foreach (var runId in await CollectingRunsAsync(app, tenant))
        {
            await page.GotoAsync($"/c/{tenant.CompanyId}/collection/history/{runId}?result=Collected");
            var rows = page.Locator("table.run-files tbody tr");
            foreach (var row in await rows.AllAsync())
            {
                await Assertions.Expect(row).ToContainTextAsync("Collected");
                await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Open in the inbox") })).ToBeVisibleAsync();
                collected.Add((await row.Locator("code").TextContentAsync())!);
            }
        }

        collected.Order().ShouldBe([$"{Folder}/{PdfName}", $"{Folder}/{PngName}"]);

        // A file renamed in Dropbox is known by its id: never collected again.
        await alice.MoveAsync($"{Folder}/{PdfName}", $"{Folder}/invoice renamed.pdf");
        await RunNowAsync(page, tenant);
        (await tenant.InboxItemsAsync()).Count.ShouldBe(2);

        await page.GotoAsync($"/c/{tenant.CompanyId}/collection");
        // The last run is the manual one, or the real-time one the rename woke: neither collected anything.
        await Assertions.Expect(card).ToContainTextAsync(new Regex("(Run now|Real time) · Completed · 0 collected"));
        await Assertions.Expect(card.GetByRole(AriaRole.Definition).Last).ToHaveTextAsync("2");
        if (Environment.GetEnvironmentVariable("DOCSYNC_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "ui-collection.png"), FullPage = false });
        }
    }

    // What the page holds for a person: its text (folded parts too) and the values of its fields.
    private const string ShownText = """
        () => document.querySelector('main').textContent + '\n' + [...document.querySelectorAll('main input, main textarea')].map(e => e.value).join('\n')
        """;

    private static async Task RunNowAsync(IPage page, TestTenant tenant)
    {
        await page.GotoAsync($"/c/{tenant.CompanyId}/collection");
        await page.GetByRole(AriaRole.Link, new() { Name = "Run now – Client drop" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"DocSync looks at the whole folder {Folder}")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm the run" }).ClickAsync();
        var result = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(result).ToContainTextAsync("The run is finished.");
        await Assertions.Expect(result).ToContainTextAsync("Nothing new was collected");
        await Assertions.Expect(result).ToContainTextAsync(" 0 collected");
    }

    private static async Task AccessibleAsync(IPage page)
    {
        (await page.EvaluateAsync<string[]>(AccessibilityTests.UnlabelledFields)).ShouldBeEmpty();
        (await page.EvaluateAsync<string[]>(AccessibilityTests.UnnamedControls)).ShouldBeEmpty();
        (await page.EvaluateAsync<string[]>(AccessibilityTests.DuplicateIds)).ShouldBeEmpty();
    }

    /// <summary>A text PDF invoice, a 150 dpi PNG scan of it (pdftoppm), and its total as printed.</summary>
    private static (byte[] Pdf, byte[] Png, string Total) Invoice(DocSyncApp app)
    {
        var content = DocumentCalculator.Complete(new DocumentContent
        {
            Type = DocumentType.Invoice,
            Number = InvoiceNumber,
            IssueDate = new DateOnly(2026, 11, 20),
            DueDate = new DateOnly(2026, 12, 20),
            Currency = "EUR",
            Seller = new Party
            {
                Name = "Atelier Lumière BV",
                VatNumber = "BE 0477.472.701",
                Iban = "BE68 5390 0754 7034",
                Address = new PostalAddress { Street = "Kortrijksesteenweg 112", PostalCode = "9000", City = "Gent", Country = "BE" },
            },
            Buyer = new Party { Name = "Lumen BV", VatNumber = "BE 0403.170.701", Address = new PostalAddress { City = "Brussel", Country = "BE" } },
            Lines = [new DocumentLine { Description = "Hanglamp Lumière 40 cm", Quantity = 2, UnitPrice = 189.00m, VatRate = 21m }],
            Totals = new DocumentTotals(),
        });
        var pdf = app.Services.GetRequiredService<DocumentPdfRenderer>().Render(content, "en");
        var folder = Directory.CreateTempSubdirectory("docsync-scan-");
        try
        {
            File.WriteAllBytes(Path.Combine(folder.FullName, "invoice.pdf"), pdf);
            using var pdftoppm = Process.Start(new ProcessStartInfo("pdftoppm", ["-r", "150", "-png", "-singlefile", "invoice.pdf", "scan"])
            {
                WorkingDirectory = folder.FullName,
                RedirectStandardError = true,
            })!;
            var errors = pdftoppm.StandardError.ReadToEnd();
            pdftoppm.WaitForExit();
            pdftoppm.ExitCode.ShouldBe(0, errors);
            return (pdf, File.ReadAllBytes(Path.Combine(folder.FullName, "scan.png")), "457.38");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<Dictionary<string, string>> ReadTextsAsync(DocSyncApp app, TestTenant tenant)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Persistence.DocSyncDbContext>();
        return await db.InboxItems.IgnoreQueryFilters().Where(i => i.CompanyId == tenant.CompanyId).ToDictionaryAsync(i => i.FileName, i => i.Text ?? "");
    }

    private static async Task<Core.Collect.CollectionChannelInfo> ChannelAsync(DocSyncApp app, TestTenant tenant)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Core.Access.CompanyContext>().Enter(Core.Access.CompanyScope.System(tenant.CompanyId));
        return (await scope.ServiceProvider.GetRequiredService<Core.Collect.CollectService>().ListAsync()).Single();
    }

    private static async Task<IReadOnlyList<Guid>> CollectingRunsAsync(DocSyncApp app, TestTenant tenant)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Core.Access.CompanyContext>().Enter(Core.Access.CompanyScope.System(tenant.CompanyId));
        var runs = await scope.ServiceProvider.GetRequiredService<Core.Collect.CollectService>()
            .ListRunsAsync(new Core.Collect.CollectionRunQuery { PageSize = Core.Collect.CollectionRunQuery.MaxPageSize });
        return [.. runs.Items.Where(r => r.Collected > 0).Select(r => r.Id)];
    }
}
