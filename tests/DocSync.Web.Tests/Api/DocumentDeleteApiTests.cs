using System.Net;
using DocSync.Core.Persistence;
using static DocSync.Web.Tests.Infrastructure.ApiRequests;

namespace DocSync.Web.Tests.Api;

[Collection(WebCollection.Name)]
public sealed class DocumentDeleteApiTests(Databases databases)
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Delete_HidesTheDocumentKeepsOthers_StaleIfMatchRefused(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var tenant = await app.CreateTenantAsync();
        using var api = tenant.Api();
        var gone = (await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("F-DEL-1")))).Id();
        var kept = (await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("F-DEL-2")))).Id();
        using (var changed = await api.PutDocumentAsync(gone, Json(SampleDocuments.Body(SampleDocuments.Invoice("F-DEL-1", note: "v2"))), "\"1\""))
        {
            changed.EnsureSuccessStatusCode();
        }

        using (var stale = new HttpRequestMessage(HttpMethod.Delete, $"{Documents}/{gone}"))
        {
            stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            (await (await api.SendAsync(stale)).Content.ReadAsStringAsync()).ShouldContain("version");
        }
        (await api.GetAsync($"{Documents}/{gone}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using (var current = new HttpRequestMessage(HttpMethod.Delete, $"{Documents}/{gone}"))
        {
            current.Headers.TryAddWithoutValidation("If-Match", "\"2\"");
            (await api.SendAsync(current)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        await (await api.GetAsync($"{Documents}/{gone}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await api.DeleteAsync($"{Documents}/{gone}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await api.CountDocumentsAsync()).ShouldBe(1);
        (await api.GetAsync($"{Documents}/{kept}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
