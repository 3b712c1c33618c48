using System.Net;
using DocSync.Core.Companies;
using DocSync.Core.Persistence;

namespace DocSync.Web.Tests.Pages;

/// <summary>The UI answers a refused or missing page with its own status page (a browser shows nothing for an empty 4xx); the API never does.</summary>
[Collection(WebCollection.Name)]
public sealed class StatusPageTests(Databases databases)
{
    [Fact]
    public async Task CompanyPage_NotMemberOrMissing_NotFoundPage()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        using var owner = await UiClient.SignInAsync(app, tenant.OwnerEmail);

        await ShouldShowAsync(owner, $"/c/{Guid.NewGuid()}/documents", HttpStatusCode.NotFound, "Not found");
        await ShouldShowAsync(owner, $"/c/{tenant.CompanyId}/documents/{Guid.NewGuid()}", HttpStatusCode.NotFound, "Not found");
        await ShouldShowAsync(owner, "/no-such-page", HttpStatusCode.NotFound, "Not found");
    }

    [Fact]
    public async Task CompanyPage_WithoutRight_NotAllowedPage()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        using var external = await UiClient.SignInAsync(app, await tenant.AddPersonAsync("Eva Extern", CompanyRole.External));

        await ShouldShowAsync(external, $"/c/{tenant.CompanyId}/people", HttpStatusCode.Forbidden, "Not allowed");
    }

    [Fact]
    public async Task ApiRoute_Missing_NoHtmlPage()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        using var api = tenant.Api();

        using var response = await api.GetAsync("/api/v1/no-such-thing");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldNotBe("text/html");
    }

    private static async Task ShouldShowAsync(UiClient ui, string url, HttpStatusCode status, string title)
    {
        using var response = await ui.Http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, url);
        html.ShouldContain($"<h1 id=\"status-title\">{title}</h1>", customMessage: $"{url} answered {html.Length} characters");
    }
}
