using System.Net;
using DocSync.Core.Persistence;
using static DocSync.Web.Tests.Infrastructure.ApiRequests;

namespace DocSync.Web.Tests.Api;

[Collection(WebCollection.Name)]
public sealed class DocumentNumbersApiTests(Databases databases)
{
    [Fact]
    public async Task Create_NumberTakenByTheSameType_409NamingNumberAndNothingSaved()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var api = (await app.CreateTenantAsync()).Api();
        await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("F2026-0042")));

        using var duplicate = await api.PostDocumentAsync(Json(SampleDocuments.Body(SampleDocuments.Invoice("F2026-0042"))));

        var problem = await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict, field: "content.number", code: "number-taken");
        problem["detail"]!.GetValue<string>().ShouldContain("F2026-0042");
        (await api.CountDocumentsAsync()).ShouldBe(1);
        using var creditNote = await api.PostDocumentAsync(Json(SampleDocuments.Body(SampleDocuments.Invoice("F2026-0042", type: "creditNote"))));
        creditNote.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Update_RenumberedOntoAnother_409()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var api = (await app.CreateTenantAsync()).Api();
        await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("F2026-0001")));
        var second = await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("F2026-0002")));

        using var response = await api.PutDocumentAsync(second.Id(), Json(SampleDocuments.Body(SampleDocuments.Invoice("F2026-0001"))));

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, field: "content.number", code: "number-taken");
    }

    [Fact]
    public async Task NextNumber_FollowsTheCompanysNumberingPerTypeAndYear()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var api = (await app.CreateTenantAsync()).Api();
        await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("F2026-0041")));
        await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("F2026-0042")));

        (await api.GetJsonAsync($"{Documents}/next-number?type=invoice&year=2026"))["number"]!.GetValue<string>().ShouldBe("F2026-0043");
        (await api.GetJsonAsync($"{Documents}/next-number?type=creditNote&year=2026"))["number"]!.GetValue<string>().ShouldBe("CN2026-0001");
        (await api.GetJsonAsync($"{Documents}/next-number?type=invoice&year=2027"))["number"]!.GetValue<string>().ShouldBe("F2027-0001");
        using var missing = await api.GetAsync($"{Documents}/next-number");
        await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field: "type");
        using var bad = await api.GetAsync($"{Documents}/next-number?type=banana");
        await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field: "type");
    }
}
