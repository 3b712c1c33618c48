using System.Net;
using DocSync.Core.Persistence;
using static DocSync.Web.Tests.Infrastructure.ApiRequests;

namespace DocSync.Web.Tests.Api;

[Collection(WebCollection.Name)]
public sealed class IdempotencyApiTests(Databases databases)
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_SameKeySameBody_ReplayedWithTheFirstDocument(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();
        var body = SampleDocuments.Body(SampleDocuments.Invoice(), files: SampleDocuments.PdfFile());

        using var first = await api.PostDocumentAsync(Json(body), "order-4711");
        using var again = await api.PostDocumentAsync(Json(body), "order-4711");

        var created = await first.ShouldBeJsonAsync(HttpStatusCode.Created);
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        var replayed = await again.ShouldBeJsonAsync(HttpStatusCode.OK);
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        again.Headers.ETag!.Tag.ShouldBe("\"1\"");
        replayed.Id().ShouldBe(created.Id());
        replayed.ToJsonString().ShouldBe(created.ToJsonString());
        (await api.CountDocumentsAsync()).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_SameKeySameMultipartBody_Replayed(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();
        MultipartFormDataContent Body() => Multipart(SampleDocuments.Body(SampleDocuments.Invoice()), ("pdf", "invoice.pdf", "application/pdf", SampleDocuments.Pdf()));

        using var first = await api.PostDocumentAsync(Body(), "mp-1");
        using var again = await api.PostDocumentAsync(Body(), "mp-1");

        var created = await first.ShouldBeJsonAsync(HttpStatusCode.Created);
        (await again.ShouldBeJsonAsync(HttpStatusCode.OK)).Id().ShouldBe(created.Id());
        (await api.CountDocumentsAsync()).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_SameKeyOtherBody_ConflictNamingTheKey(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();
        using var first = await api.PostDocumentAsync(Json(SampleDocuments.Body(SampleDocuments.Invoice("K-1"))), "key-1");
        await first.ShouldBeJsonAsync(HttpStatusCode.Created);

        using var otherContent = await api.PostDocumentAsync(Json(SampleDocuments.Body(SampleDocuments.Invoice("K-2"))), "key-1");
        using var otherStatus = await api.PostDocumentAsync(Json(SampleDocuments.Body(SampleDocuments.Invoice("K-1"), status: "final")), "key-1");
        using var otherFiles = await api.PostDocumentAsync(Json(SampleDocuments.Body(SampleDocuments.Invoice("K-1"), files: SampleDocuments.PdfFile())), "key-1");

        await otherContent.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Idempotency-Key", "idempotency-key-reused");
        await otherStatus.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Idempotency-Key");
        await otherFiles.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Idempotency-Key");
        (await api.CountDocumentsAsync()).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_FourConcurrentRequestsWithOneKey_ExactlyOneDocument(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();
        var body = SampleDocuments.Body(SampleDocuments.Invoice());

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => api.PostDocumentAsync(Json(body), "concurrent-1")));

        try
        {
            var texts = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
            responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1, string.Join("\n", texts));
            responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(3, string.Join("\n", texts));
            texts.Select(t => System.Text.Json.Nodes.JsonNode.Parse(t)!.Id()).Distinct().Count().ShouldBe(1);
            (await api.CountDocumentsAsync()).ShouldBe(1);
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_KeysOfTwoCompanies_Independent(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var a = (await app.CreateTenantAsync("Lumen BV")).Api();
        var b = (await app.CreateTenantAsync("Atelier Dupont SRL")).Api();

        using var fromA = await a.PostDocumentAsync(Json(SampleDocuments.Body(SampleDocuments.Invoice("A-1"))), "shared-key");
        using var fromB = await b.PostDocumentAsync(Json(SampleDocuments.Body(SampleDocuments.Invoice("B-1"))), "shared-key");

        await fromA.ShouldBeJsonAsync(HttpStatusCode.Created);
        var created = await fromB.ShouldBeJsonAsync(HttpStatusCode.Created);
        created["content"]!["number"]!.GetValue<string>().ShouldBe("B-1");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_KeyTooLong_ProblemNamingTheKey(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();

        using var response = await api.PostDocumentAsync(Json(SampleDocuments.Body(SampleDocuments.Invoice())), new string('k', 201));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        (await api.CountDocumentsAsync()).ShouldBe(0);
    }
}
