using System.Text.RegularExpressions;
using DocSync.Core.Persistence;
using DocSync.Web.Tests.Pages;
using Microsoft.Playwright;

namespace DocSync.Web.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed partial class AccessibilityTests(Databases databases, Chromium chromium) : IClassFixture<Chromium>
{
    // Form fields no assistive technology can name: no <label>, no aria-label, no aria-labelledby pointing at something.
    internal const string UnlabelledFields = """
        () => [...document.querySelectorAll('input, select, textarea')]
            .filter(e => !['hidden', 'submit', 'button', 'reset'].includes(e.type))
            .filter(e => e.labels.length === 0
                && !(e.getAttribute('aria-label') || '').trim()
                && !(e.getAttribute('aria-labelledby') || '').split(/\s+/).some(id => id && document.getElementById(id)))
            .map(e => e.outerHTML)
        """;

    internal const string UnnamedControls = """
        () => [...document.querySelectorAll('button, a[href]')]
            .filter(e => !(e.textContent || '').trim() && !(e.getAttribute('aria-label') || '').trim())
            .map(e => e.outerHTML)
        """;

    internal const string DuplicateIds = """
        () => { const ids = [...document.querySelectorAll('[id]')].map(e => e.id); return ids.filter((id, i) => ids.indexOf(id) !== i); }
        """;

    [Fact]
    public async Task EveryCompanyPage_InEachLanguage_SkipLinkOneHeadingLabelledFieldsRightLang()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var binderId = await tenant.CreateBinderAsync("Verkopen 2026");
        Guid documentId;
        using (var api = tenant.KestrelApi())
        {
            documentId = (await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice(), binderId: binderId, files: SampleDocuments.PdfFile()))).Id();
        }

        var itemId = await tenant.ReceiveInboxItemAsync("scan.pdf", "application/pdf", RealFiles.Pdf("scan"));
        var connectionId = await tenant.LinkDropboxAsync("Accounting Dropbox", "Alice Martin", "alice@example.com");
        await tenant.CreateExportProfileAsync(connectionId);
        var channelId = await tenant.CreateChannelAsync(connectionId, binderId, "Klantenmap");
        var runId = await tenant.SeedCollectionRunAsync(channelId, "/Drop/scan.pdf", itemId);
        await tenant.SeedNoticeAsync(connectionId, "Accounting Dropbox");
        var ids = new PageIds(tenant.CompanyId, documentId, Guid.Empty, itemId, binderId, Guid.Empty, Guid.Empty, connectionId, ChannelId: channelId, RunId: runId);

        // Every company page the cross-company matrix knows (so a new one is swept too), but the file downloads and the
        // folder picker (its Dropbox is not reachable here: the collection flow test looks at it).
        var pages = PageRoute.All.Where(r => r.Method == "GET" && r.Handler is null && r.Query is null && !r.NamesFile && !r.Template.EndsWith("/content", StringComparison.Ordinal))
            .Select(r => r.Url(tenant.CompanyId, ids)).ToList();
        pages.Count.ShouldBeGreaterThanOrEqualTo(10);
        var page = await chromium.NewPageAsync(app.Address!);
        await page.SignInAsync(tenant.OwnerEmail);

        // The first Tab reaches the skip link, which leads past the header to the page's content.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**#main", BrowserSteps.Committed);

        var failures = new List<string>();

        foreach (var (culture, button) in new[] { ("en", "EN English"), ("nl", "NL Nederlands"), ("fr", "FR Français") })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
            foreach (var url in pages)
            {
                var response = await page.GotoAsync(url);
                var at = $"{culture} {url}";
                if (response!.Status != 200)
                {
                    failures.Add($"{at}: HTTP {response.Status}");
                    continue;
                }

                var lang = await page.Locator("html").GetAttributeAsync("lang");
                if (lang != culture)
                {
                    failures.Add($"{at}: html lang={lang}");
                }

                var headings = await page.Locator("h1").CountAsync();
                if (headings != 1)
                {
                    failures.Add($"{at}: {headings} h1");
                }

                failures.AddRange((await page.EvaluateAsync<string[]>(UnlabelledFields)).Select(e => $"{at}: unlabelled {e}"));
                failures.AddRange((await page.EvaluateAsync<string[]>(UnnamedControls)).Select(e => $"{at}: unnamed {e}"));
                failures.AddRange((await page.EvaluateAsync<string[]>(DuplicateIds)).Select(id => $"{at}: duplicate id {id}"));
                failures.AddRange((await page.GetByText(MissingText()).AllTextContentsAsync()).Select(t => $"{at}: missing text {t}"));
            }
        }

        failures.ShouldBeEmpty();
    }

    // What Texts shows for a key it has in no language, e.g. "[inbox.source.Upload]".
    [GeneratedRegex(@"\[[a-z]+\.[A-Za-z.]+\]")]
    private static partial Regex MissingText();
}
