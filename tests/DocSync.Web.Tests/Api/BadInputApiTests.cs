using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DocSync.Core.Persistence;
using static DocSync.Web.Tests.Infrastructure.ApiRequests;
using static DocSync.Web.Tests.Infrastructure.JsonEdits;

namespace DocSync.Web.Tests.Api;

/// <summary>Every bad request is a problem naming the field, and writes nothing.</summary>
[Collection(WebCollection.Name)]
public sealed class BadInputApiTests(Databases databases)
{
    private static readonly (string Case, Func<JsonObject, JsonNode?> Break, HttpStatusCode Status, string Field)[] BrokenBodies =
    [
        ("quantity is a word", b => Set(b, "content.lines[0].quantity", "two"), HttpStatusCode.BadRequest, "content.lines[0].quantity"),
        ("date in another format", b => Set(b, "content.issueDate", "30/11/2026"), HttpStatusCode.BadRequest, "content.issueDate"),
        ("unknown status", b => Set(b, "status", "archived"), HttpStatusCode.BadRequest, "status"),
        ("unknown type", b => Set(b, "content.type", "invoices"), HttpStatusCode.BadRequest, "content.type"),
        ("type as a number", b => Set(b, "content.type", 1), HttpStatusCode.BadRequest, "content.type"),
        ("binder id not a guid", b => Set(b, "binderId", "binder-1"), HttpStatusCode.BadRequest, "binderId"),
        ("no number", b => Remove(b, "content.number"), HttpStatusCode.BadRequest, "content.number"),
        ("no seller", b => Remove(b, "content.seller"), HttpStatusCode.BadRequest, "content.seller"),
        ("no content", b => Remove(b, "content"), HttpStatusCode.BadRequest, "content"),
        ("unknown field", b => Set(b, "content.colour", "blue"), HttpStatusCode.BadRequest, "content.colour"),
        ("unknown top-level field", b => Set(b, "priority", "high"), HttpStatusCode.BadRequest, "priority"),
        ("null body", _ => null, HttpStatusCode.UnprocessableEntity, "body"),
        ("array body", _ => new JsonArray(), HttpStatusCode.BadRequest, "body"),
        ("null content", b => Set(b, "content", null), HttpStatusCode.UnprocessableEntity, "content"),
        ("null seller", b => Set(b, "content.seller", null), HttpStatusCode.UnprocessableEntity, "content.seller"),
        ("null lines", b => Set(b, "content.lines", null), HttpStatusCode.UnprocessableEntity, "content.lines"),
        ("null line", b => Set(b, "content.lines[0]", null), HttpStatusCode.UnprocessableEntity, "content.lines[0]"),
        ("null breakdown row", b => Set(b, "content.vatBreakdown[0]", null), HttpStatusCode.UnprocessableEntity, "content.vatBreakdown[0]"),
        ("null files", b => Set(b, "files", null), HttpStatusCode.UnprocessableEntity, "files"),
        ("null file", b => Set(b, "files", new JsonArray((JsonNode?)null)), HttpStatusCode.UnprocessableEntity, "files[0]"),
        ("empty number", b => Set(b, "content.number", " "), HttpStatusCode.UnprocessableEntity, "content.number"),
        ("total incl. VAT off by a cent", b => Set(b, "content.totals.totalInclVat", 496.62m), HttpStatusCode.UnprocessableEntity, "content.totals.totalInclVat"),
        ("breakdown VAT rounded down", b => Set(b, "content.vatBreakdown[0].vatAmount", 2.21m), HttpStatusCode.UnprocessableEntity, "content.vatBreakdown[0].vatAmount"),
        ("zero quantity", b => Set(b, "content.lines[0].quantity", 0), HttpStatusCode.UnprocessableEntity, "content.lines[0].quantity"),
        ("due before issue", b => Set(b, "content.dueDate", "2026-11-01"), HttpStatusCode.UnprocessableEntity, "content.dueDate"),
        ("issue date in year 9999", b => Set(Set(b, "content.issueDate", "9999-12-31"), "content.dueDate", null), HttpStatusCode.UnprocessableEntity, "content.issueDate"),
        ("issue date before 1900", b => Set(b, "content.issueDate", "1899-12-31"), HttpStatusCode.UnprocessableEntity, "content.issueDate"),
        ("due date in year 9999", b => Set(b, "content.dueDate", "9999-12-31"), HttpStatusCode.UnprocessableEntity, "content.dueDate"),
        ("lower-case currency", b => Set(b, "content.currency", "eur"), HttpStatusCode.UnprocessableEntity, "content.currency"),
        ("BE VAT number checksum", b => Set(b, "content.seller.vatNumber", "BE0477472702"), HttpStatusCode.UnprocessableEntity, "content.seller.vatNumber"),
        ("FR VAT number key", b => Set(b, "content.buyer.vatNumber", "FR41303265045"), HttpStatusCode.UnprocessableEntity, "content.buyer.vatNumber"),
        ("NL VAT number shape", b => Set(b, "content.buyer.vatNumber", "NL123456789"), HttpStatusCode.UnprocessableEntity, "content.buyer.vatNumber"),
        ("DE VAT number checksum", b => Set(b, "content.buyer.vatNumber", "DE136695977"), HttpStatusCode.UnprocessableEntity, "content.buyer.vatNumber"),
        ("LU VAT number checksum", b => Set(b, "content.buyer.vatNumber", "LU15027443"), HttpStatusCode.UnprocessableEntity, "content.buyer.vatNumber"),
        ("IBAN checksum", b => Set(b, "content.seller.iban", "BE68 5390 0754 7035"), HttpStatusCode.UnprocessableEntity, "content.seller.iban"),
        ("IBAN length", b => Set(b, "content.seller.iban", "BE68 5390 0754 703"), HttpStatusCode.UnprocessableEntity, "content.seller.iban"),
        ("removeFileIds on create", b => Set(b, "removeFileIds", new JsonArray(Guid.NewGuid())), HttpStatusCode.UnprocessableEntity, "removeFileIds"),
    ];

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_BrokenJsonBodies_ProblemNamingTheFieldAndNothingWritten(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();
        var failures = new List<string>();

        foreach (var (name, breakBody, status, field) in BrokenBodies)
        {
            var body = BreakSample(breakBody);
            using var response = await api.PostDocumentAsync(Json(body));
            await Collect(failures, name, () => response.ShouldBeProblemAsync(status, field));
            using var multipart = await api.PostDocumentAsync(Multipart(body, ("attachment", "note.txt", "text/plain", "x"u8.ToArray())));
            await Collect(failures, name + " (multipart)", () => multipart.ShouldBeProblemAsync(status, field));
        }

        failures.ShouldBeEmpty();
        (await api.CountDocumentsAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Update_BrokenJsonBodies_ProblemNamingTheFieldAndNoNewVersion(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();
        var created = await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice()));
        var failures = new List<string>();

        foreach (var (name, breakBody, status, field) in BrokenBodies.Where(c => c.Case != "removeFileIds on create"))
        {
            using var response = await api.PutDocumentAsync(created.Id(), Json(BreakSample(breakBody)), "\"1\"");
            await Collect(failures, name, () => response.ShouldBeProblemAsync(status, field));
        }

        using var hostile = await api.PutDocumentAsync(created.Id(), Json(SampleDocuments.Body(SampleDocuments.Invoice(),
            files: SampleDocuments.File("attachment", "../secret.txt", "text/plain", "x"u8.ToArray()))), "\"1\"");
        await Collect(failures, "hostile file name", () => hostile.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "files[0].fileName"));
        var unknownFile = SampleDocuments.Body(SampleDocuments.Invoice());
        unknownFile["removeFileIds"] = new JsonArray(Guid.NewGuid());
        using var remove = await api.PutDocumentAsync(created.Id(), Json(unknownFile), "\"1\"");
        await Collect(failures, "unknown file to remove", () => remove.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "removeFileIds[0]"));
        using var nullIds = await api.PutDocumentAsync(created.Id(), RawJson(Set(SampleDocuments.Body(SampleDocuments.Invoice()), "removeFileIds", null)!.ToJsonString()), "\"1\"");
        await Collect(failures, "null removeFileIds", () => nullIds.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "removeFileIds"));

        failures.ShouldBeEmpty();
        (await api.GetJsonAsync($"{Documents}/{created.Id()}/versions")).AsArray().Count.ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_MalformedOrMissingBody_BadRequestNamingTheBody(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();
        var valid = SampleDocuments.Body(SampleDocuments.Invoice()).ToJsonString();
        var failures = new List<string>();

        foreach (var (name, text) in new[] { ("cut short", valid[..(valid.Length / 2)]), ("empty", ""), ("trailing comma", valid[..^1] + ",}"), ("not JSON", "<document/>"), ("two objects", valid + valid) })
        {
            using var response = await api.PostDocumentAsync(RawJson(text));
            await Collect(failures, name, async () =>
            {
                var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code: "malformed-json");
                ApiAssertions.Fields(problem).ShouldHaveSingleItem().ShouldNotBeNullOrEmpty();
            });
        }

        failures.ShouldBeEmpty();
        (await api.CountDocumentsAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_WrongMediaType_UnsupportedMediaType(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();
        var json = SampleDocuments.Body(SampleDocuments.Invoice()).ToJsonString();

        using var text = await api.PostDocumentAsync(new StringContent(json, Encoding.UTF8, "text/plain"));
        using var form = await api.PostDocumentAsync(new FormUrlEncodedContent([new("document", json)]));
        using var none = await api.PostDocumentAsync(new ByteArrayContent(Encoding.UTF8.GetBytes(json)));
        using var noBoundary = await api.PostDocumentAsync(new StringContent(json, Encoding.UTF8, "multipart/form-data"));
        using var put = await api.PutDocumentAsync(Guid.NewGuid(), new StringContent(json, Encoding.UTF8, "text/plain"));

        await text.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, code: "media-type");
        await form.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await none.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await noBoundary.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await put.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        (await api.CountDocumentsAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_MultipartWithoutDocumentOrWithUnknownPart_ProblemNamingThePart(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();

        using var noDocument = await api.PostDocumentAsync(MultipartWithoutDocument(("pdf", "invoice.pdf", "application/pdf", SampleDocuments.Pdf())));
        using var unknownPart = await api.PostDocumentAsync(Multipart(SampleDocuments.Body(SampleDocuments.Invoice()), ("spreadsheet", "a.xlsx", "application/octet-stream", [1])));
        using var badDocument = await api.PostDocumentAsync(Multipart(JsonNode.Parse("{\"content\": 12}")));

        await noDocument.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "document");
        await unknownPart.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "spreadsheet");
        await badDocument.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "content");
        (await api.CountDocumentsAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Update_IfMatchStaleOrGarbage_PreconditionFailedOrProblemNamingIfMatch(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();
        var created = await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice()));
        var id = created.Id();
        using var toV2 = await api.PutDocumentAsync(id, Json(SampleDocuments.Body(SampleDocuments.Invoice(note: "v2"))), "\"1\"");
        await toV2.ShouldBeJsonAsync(HttpStatusCode.OK);

        using var stale = await api.PutDocumentAsync(id, Json(SampleDocuments.Body(SampleDocuments.Invoice(note: "lost update"))), "\"1\"");
        using var future = await api.PutDocumentAsync(id, Json(SampleDocuments.Body(SampleDocuments.Invoice(note: "lost update"))), "\"3\"");
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "If-Match", "version-conflict");
        await future.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "If-Match");

        foreach (var garbage in new[] { "\"abc\"", "\"0\"", "\"-1\"", "*x", "\"1.5\"" })
        {
            using var response = await api.PutDocumentAsync(id, Json(SampleDocuments.Body(SampleDocuments.Invoice(note: "lost update"))), garbage);
            await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "If-Match");
        }

        using var missing = await api.PutDocumentAsync(Guid.NewGuid(), Json(SampleDocuments.Body(SampleDocuments.Invoice())), "\"1\"");
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound, code: "not-found");
        var current = await api.GetJsonAsync($"{Documents}/{id}");
        current["version"]!.GetValue<int>().ShouldBe(2);
        current["content"]!["note"]!.GetValue<string>().ShouldBe("v2");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Get_UnknownRouteOrId_NotFoundProblem(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();
        var created = await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice()));

        await (await api.GetAsync("/api/v1/invoices")).ShouldBeProblemAsync(HttpStatusCode.NotFound, code: "no-route");
        await (await api.GetAsync("/api/v1/documents/not-a-guid")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await api.GetAsync("/api/v2/documents")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await api.GetAsync($"{Documents}/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, code: "not-found");
        await (await api.GetAsync($"{Documents}/{created.Id()}/versions/2")).ShouldBeProblemAsync(HttpStatusCode.NotFound, code: "not-found");
        await (await api.GetAsync($"{Documents}/{created.Id()}/files/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, code: "not-found");
        var wrongMethod = await api.PatchAsync($"{Documents}/{created.Id()}", Json(new JsonObject()));
        wrongMethod.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed);
        await wrongMethod.ShouldBeProblemAsync(wrongMethod.StatusCode);
        (await api.CountDocumentsAsync()).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_QueryParameterOfWrongType_ProblemNamingTheParameter(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();

        await (await api.GetAsync($"{Documents}?type=bogus")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "type");
        await (await api.GetAsync($"{Documents}?issuedFrom=yesterday")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "issuedFrom");
        await (await api.GetAsync($"{Documents}?page=two")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "page");
        await (await api.GetAsync($"{Documents}?binderId=12")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "binderId");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Problem_FromRefusedRequest_KeepsSecurityHeaders(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();
        var broken = SampleDocuments.Body(SampleDocuments.Invoice());
        Set(broken, "content.totals.totalVat", 1m);

        using var noRoute = await api.GetAsync("/api/v1/nowhere");
        using var invalid = await api.PostDocumentAsync(Json(broken));
        using var missing = await api.GetAsync($"{Documents}/{Guid.NewGuid()}");

        // The answers written by the exception handler lose what the pipeline had set before the throw.
        foreach (var response in new[] { noRoute, invalid, missing })
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            response.Headers.TryGetValues("X-Content-Type-Options", out var values).ShouldBeTrue($"{(int)response.StatusCode} has no X-Content-Type-Options");
            values.ShouldBe(["nosniff"]);
        }
    }

    private static JsonNode? BreakSample(Func<JsonObject, JsonNode?> breakBody) =>
        breakBody(SampleDocuments.Body(SampleDocuments.Invoice(), files: SampleDocuments.PdfFile()));

    private static async Task Collect(List<string> failures, string name, Func<Task> assertion)
    {
        try
        {
            await assertion();
        }
        catch (ShouldAssertException e)
        {
            failures.Add($"{name}: {e.Message}");
        }
    }
}
