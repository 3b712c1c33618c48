using System.Net;
using DocSync.Core.Persistence;

namespace DocSync.Web.Tests.Api;

[Collection(WebCollection.Name)]
public sealed class HealthTests(Databases databases)
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Health_FreshHost_Healthy(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);

        var response = await app.ApiClient(null).GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Company_WithApiKey_IsTheKeysCompany(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var tenant = await app.CreateTenantAsync("Atelier Dupont SRL");

        var body = await tenant.Api().GetStringAsync("/api/v1/company");

        body.ShouldContain("Atelier Dupont SRL");
        body.ShouldContain(tenant.CompanyId.ToString());
    }
}
