using System.Net;
using System.Text.RegularExpressions;
using DocSync.Core.Persistence;

namespace DocSync.Web.Tests.Pages;

/// <summary>
/// Every form of the UI sent empty in French and Dutch answers in French and Dutch: no message of
/// ASP.NET Core's model binding or DataAnnotations ("The X field is required.", "The value '' is
/// invalid.") and no English sentence of DocSync's services reaches the page.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class EmptyFormsTests(Databases databases)
{
    [Theory]
    [InlineData("fr")]
    [InlineData("nl")]
    public async Task EveryForm_SentEmpty_NoEnglishValidationMessage(string culture)
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["DocSync:Dropbox:Emulator:Enabled"] = "true",
            ["DocSync:Dropbox:Emulator:Port"] = "0",
            ["DocSync:Dropbox:Emulator:DataPath"] = databases.NewFolder(),
        });
        var a = await CrossCompanyPageTests.CompanyAsync(app, "Lumen BV", "A-0001", "Klant van A", "Map van A", "a-scan.pdf", "Anna Lid", "contents of A");
        using var ui = await UiClient.SignInAsync(app, a.Tenant.OwnerEmail);
        var cultureToken = await ui.TokenAsync($"/c/{a.Tenant.CompanyId}/documents");
        using (var choose = new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = culture, ["returnUrl"] = "/", [UiClient.TokenField] = cultureToken }))
        {
            (await ui.Http.PostAsync("/culture", choose)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var token = await ui.TokenAsync($"/c/{a.Ids.CompanyId}/binders");
        var failures = new List<string>();
        var sent = 0;
        foreach (var route in PageRoute.All.Where(r => r.Method == "POST"))
        {
            var url = route.Url(a.Ids.CompanyId, a.Ids);
            using var empty = new MultipartFormDataContent { { new StringContent(token), UiClient.TokenField } };
            using var response = await ui.Http.PostAsync(url, empty);
            var html = await response.Content.ReadAsStringAsync();
            sent++;
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{route}: {(int)response.StatusCode}");
            }

            foreach (Match match in English().Matches(html))
            {
                failures.Add($"{route}: “{match.Value}”");
            }
        }

        sent.ShouldBeGreaterThan(20);
        failures.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("nl")]
    public async Task SignIn_SentEmpty_NoEnglishValidationMessage(string culture)
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        await app.CreateTenantAsync();
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        using var get = await client.GetAsync("/sign-in");
        var token = UiClient.ParseToken(await get.Content.ReadAsStringAsync());

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { [UiClient.TokenField] = token, ["Email"] = "", ["Password"] = "" });
        using var response = await client.PostAsync("/sign-in", form);

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        English().Matches(html).Select(m => m.Value).ShouldBeEmpty();
    }

    // ASP.NET Core's model binding and DataAnnotations defaults, and the sentences DocSync.Core's rules say in English.
    [GeneratedRegex(@"The [\w.\[\]]+ field is required|field is required|is not valid|is invalid|must be a number|A value for the|A value is required|non-empty request body|The field [\w.]+ must|The value '[^']*'|This field is required|At most \d+ characters|is required on this type|Give the profile a name|A name has 1 to 100|A connection has a name|Choose a file\b", RegexOptions.IgnoreCase)]
    private static partial Regex English();
}
