using System.Net;
using DocSync.Core.Persistence;
using Microsoft.Playwright;

namespace DocSync.Web.Tests.Browser;

/// <summary>The small things a new user trips on: the API reference, the favicon, a phone's header, copying a new API key.</summary>
[Collection(WebCollection.Name)]
public sealed class EverydayDetailsTests(Databases databases, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task ApiReference_ServedWhollyFromDocSync_PlaceholdersShownNoVendorButtonsNotFrameable()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var page = await chromium.NewPageAsync(app.Address!);
        var outside = new List<string>();
        await page.Context.RouteAsync("**/*", async route =>
        {
            var host = new Uri(route.Request.Url).Host;
            if (host is "127.0.0.1" or "localhost" || route.Request.Url.StartsWith("data:", StringComparison.Ordinal) || route.Request.Url.StartsWith("blob:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                lock (outside)
                {
                    outside.Add(route.Request.Url);
                }

                await route.AbortAsync();
            }
        });

        var response = await page.GotoAsync("/api/docs");
        await Assertions.Expect(page.GetByText("Authorization: Bearer <API key>").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Documents", Exact = true }).First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        outside.ShouldBeEmpty();
        var headers = await response!.AllHeadersAsync();
        headers["x-frame-options"].ShouldBe("DENY");
        headers["content-security-policy"].ShouldContain("frame-ancestors 'none'");
        foreach (var vendor in new[] { "Open API Client", "Ask AI", "Deploy", "Share" })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = vendor, Exact = true })).ToHaveCountAsync(0);
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Powered by Scalar" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Favicon_OnEveryPage_NothingAnswers404()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var page = await chromium.NewPageAsync(app.Address!);
        var missing = new List<string>();
        page.Response += (_, r) =>
        {
            if (r.Status == 404)
            {
                lock (missing)
                {
                    missing.Add(r.Url);
                }
            }
        };

        await page.SignInAsync(tenant.OwnerEmail);
        await page.GotoAsync($"/c/{tenant.CompanyId}/documents");
        var icon = await page.Locator("link[rel='icon']").GetAttributeAsync("href");
        icon.ShouldNotBeNull();
        (await page.APIRequest.GetAsync(icon)).Status.ShouldBe(200);
        (await page.APIRequest.GetAsync("/favicon.ico")).Status.ShouldBe(200);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        missing.ShouldBeEmpty();
    }

    [Fact]
    public async Task Header_OnAPhone_NoSidewaysScrolling()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Brasserie Van Damme en Zonen BVBA");
        using (var api = tenant.KestrelApi())
        {
            await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("F2026-0001")));
        }

        var page = await chromium.NewPageAsync(app.Address!);
        await page.SetViewportSizeAsync(375, 740);
        await page.SignInAsync(tenant.OwnerEmail);
        foreach (var (culture, button) in new[] { ("en", "EN English"), ("fr", "FR Français") })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
            foreach (var url in new[] { $"/c/{tenant.CompanyId}/documents", $"/c/{tenant.CompanyId}/connections", $"/c/{tenant.CompanyId}/api-keys" })
            {
                await page.GotoAsync(url);
                var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
                sizes[0].ShouldBeLessThanOrEqualTo(sizes[1], $"{culture} {url} scrolls sideways");
                var outside = await page.EvaluateAsync<string[]>("""
                    () => [...document.querySelectorAll('header.top > *')]
                        .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.left < 0 || r.right > window.innerWidth); })
                        .map(e => e.className || e.tagName)
                    """);
                outside.ShouldBeEmpty($"{culture} {url}");
            }
        }
    }

    [Fact]
    public async Task NewApiKey_CopyButton_CopiesWithTheKeyboard()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var page = await chromium.NewPageAsync(app.Address!);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.SignInAsync(tenant.OwnerEmail);
        await page.GotoAsync($"/c/{tenant.CompanyId}/api-keys");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Invoicing app");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var key = (await page.Locator("#new-key").TextContentAsync())!.Trim();

        var copy = page.GetByRole(AriaRole.Button, new() { Name = "Copy the key" });
        await copy.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("[data-copy-status]")).ToHaveTextAsync("Copied to the clipboard.");
        (await page.EvaluateAsync<string>("() => navigator.clipboard.readText()")).ShouldBe(key);
    }

    [Fact]
    public async Task NewApiKey_WithoutJavaScript_KeySelectableNoDeadButton()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        using var ui = await UiClient.SignInAsync(app, tenant.OwnerEmail);
        var token = await ui.TokenAsync($"/c/{tenant.CompanyId}/api-keys");

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "Script", ["access"] = "ReadOnly", [UiClient.TokenField] = token });
        using var response = await ui.Http.PostAsync($"/c/{tenant.CompanyId}/api-keys?handler=create", form);

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("id=\"new-key\"");
        html.ShouldMatch("<button[^>]*data-copy=\"new-key\"[^>]*hidden");
    }

    [Fact]
    public async Task LayoutPresets_EachRadioNextToItsWords_InEveryLanguage()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var connectionId = await tenant.LinkDropboxAsync("Accounting Dropbox", "Alice", "alice@example.com");
        var page = await chromium.NewPageAsync(app.Address!);
        await page.SignInAsync(tenant.OwnerEmail);
        foreach (var button in new[] { "EN English", "NL Nederlands", "FR Français" })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
            await page.GotoAsync($"/c/{tenant.CompanyId}/connections/{connectionId}");
            // The gap between each preset's radio button and the first word of its label, in pixels.
            var gaps = await page.EvaluateAsync<double[]>("""
                () => [...document.querySelectorAll('label.preset')].map(label => {
                    const radio = label.querySelector('input[type=radio]');
                    const text = [...label.childNodes].find(n => n.nodeType === 3 && n.textContent.trim());
                    const range = document.createRange();
                    range.selectNodeContents(text);
                    const words = [...range.getClientRects()].find(r => r.width > 0);
                    return words.left - radio.getBoundingClientRect().right;
                })
                """);
            gaps.Length.ShouldBe(3, button);
            gaps.ShouldAllBe(g => g >= 0 && g < 16, $"{button}: {string.Join(", ", gaps)}");
        }
    }
}
