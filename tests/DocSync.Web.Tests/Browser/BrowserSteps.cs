using System.Text.RegularExpressions;
using DocSync.Web.Localization;
using Microsoft.Playwright;

namespace DocSync.Web.Tests.Browser;

/// <summary>What the browser tests do again and again, through the UI as a person would.</summary>
public static partial class BrowserSteps
{
    private static readonly Texts Words = new();

    /// <summary>
    /// Wait for a URL only until the navigation is committed; what the page shows is then awaited by
    /// assertions. Waiting for the load event after a redirect could hang on a loaded machine.
    /// </summary>
    public static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

    /// <summary>The UI's text for <paramref name="key"/> in <paramref name="culture"/>.</summary>
    public static string Text(string culture, string key) => Words.Get(culture, key);

    /// <summary>Signs in through the sign-in page, lands on the overview (the home page), then opens the documents, where most tests start.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password = TestTenant.Password)
    {
        await page.GotoAsync("/sign-in");
        await page.FillSignInAsync(email, password);
        await page.WaitForURLAsync(OverviewUrl(), BrowserSteps.Committed);
        await page.Locator("nav.side a[href$='/documents']").ClickAsync();
        await page.WaitForURLAsync(DocumentsUrl(), BrowserSteps.Committed);
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await Assertions.Expect(page.MainHeading()).ToBeVisibleAsync();
    }

    /// <summary>Fills the sign-in form on the current page and sends it.</summary>
    public static async Task FillSignInAsync(this IPage page, string email, string password = TestTenant.Password)
    {
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>
    /// Fills the document fields (new document, inbox item) labelled in <paramref name="culture"/>:
    /// number, issue date, party and one row per line (description, quantity, unit price, VAT %).
    /// </summary>
    public static async Task FillDocumentAsync(this IPage page, string number, string party, string culture = "en",
        params (string Description, string Quantity, string UnitPrice, string VatRate)[] lines)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(lines);
        var exact = new PageGetByLabelOptions { Exact = true };
        await page.GetByLabel(Text(culture, "field.number"), exact).FillAsync(number);
        await page.GetByLabel(Text(culture, "field.issueDate"), exact).FillAsync("2026-03-15");
        await page.GetByLabel(Text(culture, "field.party"), exact).FillAsync(party);
        for (var i = 0; i < lines.Length; i++)
        {
            if (await page.GetByLabel($"{Text(culture, "field.description")} {i + 1}", exact).CountAsync() == 0)
            {
                await page.GetByRole(AriaRole.Button, new() { Name = Text(culture, "form.addLine"), Exact = true }).ClickAsync();
            }

            await page.GetByLabel($"{Text(culture, "field.description")} {i + 1}", exact).FillAsync(lines[i].Description);
            await page.GetByLabel($"{Text(culture, "field.quantity")} {i + 1}", exact).FillAsync(lines[i].Quantity);
            await page.GetByLabel($"{Text(culture, "field.unitPrice")} {i + 1}", exact).FillAsync(lines[i].UnitPrice);
            await page.GetByLabel($"{Text(culture, "field.vatRate")} {i + 1}", exact).FillAsync(lines[i].VatRate);
        }
    }

    /// <summary>The row of a table (or the totals) holding <paramref name="text"/>.</summary>
    public static ILocator Row(this IPage page, string text) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = text });

    /// <summary>The side navigation of a company page.</summary>
    public static ILocator Navigation(this IPage page) => page.GetByRole(AriaRole.Navigation).Filter(new() { Has = page.GetByRole(AriaRole.List) });

    /// <summary>The level-one heading.</summary>
    public static ILocator MainHeading(this IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>An API client for the tenant's key, over the Kestrel host's real address.</summary>
    public static HttpClient KestrelApi(this TestTenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var client = new HttpClient { BaseAddress = tenant.App.Address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tenant.ApiKey);
        return client;
    }

    /// <summary>The body of a response that must be 200.</summary>
    public static async Task<byte[]> BytesAsync(this IAPIResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Status.ShouldBe(200, response.Url);
        return await response.BodyAsync();
    }

    /// <summary>A company's documents page, e.g. <c>http://127.0.0.1:5000/c/{id}/documents</c>.</summary>
    [GeneratedRegex(@"/c/[0-9a-f-]{36}/overview$")]
    public static partial Regex OverviewUrl();

    [GeneratedRegex(@"/c/[0-9a-f-]{36}/documents$")]
    public static partial Regex DocumentsUrl();

    /// <summary>A document's page, saved or not.</summary>
    [GeneratedRegex(@"/c/[0-9a-f-]{36}/documents/[0-9a-f-]{36}(\?saved=true)?$")]
    public static partial Regex DocumentUrl();
}
