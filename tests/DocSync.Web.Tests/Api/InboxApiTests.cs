using System.Net;
using System.Text;
using DocSync.Core.ApiKeys;
using DocSync.Core.Persistence;

namespace DocSync.Web.Tests.Api;

[Collection(WebCollection.Name)]
public sealed class InboxApiTests(Databases databases)
{
    private const string Inbox = "/api/v1/inbox";

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Receive_ReadWriteKey_CreatedAndReadOnlyKeyForbidden(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var tenant = await app.CreateTenantAsync();
        var readOnly = app.ApiClient(await tenant.CreateApiKeyAsync(ApiKeyAccess.ReadOnly));
        var receive = ApiRoute.All.Single(r => r is { Method: "POST", Template: Inbox });

        using var refused = await readOnly.PostAsync(Inbox, receive.SampleBody());
        using var response = await tenant.Api().PostAsync(Inbox, receive.SampleBody());

        await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var item = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        item["fileName"]!.GetValue<string>().ShouldBe("scan.pdf");
        (await readOnly.GetByteArrayAsync($"{Inbox}/{item.Id()}/content")).ShouldBe(SampleDocuments.Pdf("scan"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GetAndContent_ReceivedItem_ShownWithExactBytes(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var tenant = await app.CreateTenantAsync();
        var bytes = SampleDocuments.LargePdf(5_000);
        var id = await tenant.ReceiveInboxItemAsync("Leverancier – factuur 7.pdf", "application/pdf", bytes);
        var api = tenant.Api();

        var item = await api.GetJsonAsync($"{Inbox}/{id}");
        using var content = await api.GetAsync($"{Inbox}/{id}/content");

        item["fileName"]!.GetValue<string>().ShouldBe("Leverancier – factuur 7.pdf");
        item["status"]!.GetValue<string>().ShouldBe("pending");
        content.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await content.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        content.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        content.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("Leverancier – factuur 7.pdf");
        await (await api.GetAsync($"{Inbox}/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, code: "not-found");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_CamelCaseStatusFilters_BadValuesAreProblemsNamingTheParameter(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var tenant = await app.CreateTenantAsync();
        var id = await tenant.ReceiveInboxItemAsync("scan.pdf", "application/pdf", SampleDocuments.Pdf("scan"));
        var api = tenant.Api();

        (await api.GetJsonAsync($"{Inbox}?status=pending"))["items"]!.AsArray().ShouldHaveSingleItem()!.Id().ShouldBe(id);
        (await api.GetJsonAsync($"{Inbox}?status=processed"))["items"]!.AsArray().ShouldBeEmpty();
        await (await api.GetAsync($"{Inbox}?status=waiting")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "status");
        await (await api.GetAsync($"{Inbox}?binderId=map-1")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "binderId");
        await (await api.GetAsync($"{Inbox}?pageSize=many")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "pageSize");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Receive_OtherMediaTypeOrNoName_ProblemAndNothingReceived(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var tenant = await app.CreateTenantAsync();
        var api = tenant.Api();
        var json = new StringContent("{\"file\": \"scan.pdf\"}", Encoding.UTF8, "application/json");
        json.Headers.ContentDisposition = new("attachment") { FileNameStar = "scan.pdf" };
        var unnamed = new ByteArrayContent(SampleDocuments.Pdf());
        unnamed.Headers.ContentType = new("application/pdf");

        await (await api.PostAsync(Inbox, json)).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, code: "media-type");
        await (await api.PostAsync(Inbox, new StringContent("scan", Encoding.UTF8, "text/plain"))).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await api.PostAsync(Inbox, unnamed)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "Content-Disposition");
        (await tenant.InboxItemsAsync()).ShouldBeEmpty();
    }
}
