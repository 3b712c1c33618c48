using System.Net;
using DocSync.Core.Persistence;
using static DocSync.Web.Tests.Infrastructure.ApiRequests;

namespace DocSync.Web.Tests.Pages;

/// <summary>The document page when someone else changed the document since the form was shown.</summary>
[Collection(WebCollection.Name)]
public sealed class DocumentDetailPageTests(Databases databases)
{
    [Theory]
    [InlineData("status")]
    [InlineData("attach")]
    public async Task Post_StaleVersion_ConflictShownOnThePage(string handler)
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        using var api = tenant.Api();
        var documentId = (await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("F-STALE-1")))).Id();
        using var ui = await UiClient.SignInAsync(app, tenant.OwnerEmail);
        var ids = new PageIds(tenant.CompanyId, documentId, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty);
        var route = PageRoute.All.Single(r => r.Handler == handler && r.Template.EndsWith("{documentId:guid}", StringComparison.Ordinal));
        var page = PageRoute.All.Single(r => r.Method == "GET" && r.Template.EndsWith("{documentId:guid}", StringComparison.Ordinal));
        var token = await ui.TokenAsync(page.Url(tenant.CompanyId, ids));
        using (var update = await api.PutDocumentAsync(documentId, Json(SampleDocuments.Body(SampleDocuments.Invoice("F-STALE-1", note: "changed elsewhere"))), "\"1\""))
        {
            await update.ShouldBeJsonAsync(HttpStatusCode.OK);
        }

        var before = (await api.GetJsonAsync($"{Documents}/{documentId}")).ToJsonString();

        // The form still says version 1.
        using var response = await ui.Http.PostAsync(route.Url(tenant.CompanyId, ids), route.Body(ids, token));

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html.Length > 0 ? html[..Math.Min(html.Length, 400)] : "(empty)");
        html.ShouldContain("validation-summary-errors");
        html.ShouldContain("F-STALE-1");
        (await api.GetJsonAsync($"{Documents}/{documentId}")).ToJsonString().ShouldBe(before);
    }

    [Fact]
    public async Task Get_PartyAddress_PostalCodeCityAndCountrySpaced()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        using var api = tenant.Api();
        var documentId = (await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice()))).Id();
        using var ui = await UiClient.SignInAsync(app, tenant.OwnerEmail);

        using var response = await ui.Http.GetAsync($"/c/{tenant.CompanyId}/documents/{documentId}");

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Kortrijksesteenweg 112");
        html.ShouldContain("9000 Gent BE");
        html.ShouldContain("Paris FR");
    }
}
