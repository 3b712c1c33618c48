using System.Net;
using DocSync.Core.Persistence;

namespace DocSync.Web.Tests.Pages;

/// <summary>A form the services refuse shows its page again, whole, with the reason.</summary>
[Collection(WebCollection.Name)]
public sealed class RefusedFormTests(Databases databases)
{
    [Fact]
    public async Task ApiKeyCreate_NoName_ReasonShownAndKeysStillListed()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        using var ui = await UiClient.SignInAsync(app, tenant.OwnerEmail);
        var url = $"/c/{tenant.CompanyId}/api-keys";
        var token = await ui.TokenAsync(url);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = " ", ["access"] = "ReadWrite", [UiClient.TokenField] = token });
        using var response = await ui.Http.PostAsync($"{url}?handler=create", form);

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("validation-summary-errors");
        html.ShouldNotContain("id=\"new-key\"");
        html.ShouldContain("<td>tests</td>");
        (await tenant.ApiKeysAsync()).ShouldHaveSingleItem();
    }
}
