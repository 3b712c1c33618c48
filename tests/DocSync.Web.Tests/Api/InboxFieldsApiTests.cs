using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DocSync.Core.ApiKeys;
using DocSync.Core.Persistence;
using static DocSync.Web.Tests.Infrastructure.ApiRequests;

namespace DocSync.Web.Tests.Api;

/// <summary>PUT /inbox/{id}/fields stores the fields a person checked, and the duplicate check follows them.</summary>
[Collection(WebCollection.Name)]
public sealed class InboxFieldsApiTests(Databases databases)
{
    private const string Inbox = "/api/v1/inbox";

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Put_CheckedFields_StoredSureAndDuplicateCheckedAgain(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var tenant = await app.CreateTenantAsync();
        var first = await tenant.ReceiveReadItemAsync("a-1.pdf", "Factuur A-1", InboxReadingSeeds.Invoice("A-1", "100.00"));
        var second = await tenant.ReceiveReadItemAsync("b-7.pdf", "Factuur A-1 (misread)", InboxReadingSeeds.Invoice("B-7", "100.00"));
        var api = tenant.Api();
        (await api.GetJsonAsync($"{Inbox}/{second.Id}"))["duplicateOf"].ShouldBeNull();

        using var corrected = await api.PutAsync($"{Inbox}/{second.Id}/fields", Json(new JsonObject
        {
            ["supplierName"] = "Groothandel Licht NV",
            ["vatNumber"] = "BE0477472701",
            ["invoiceNumber"] = " A-1 ",
            ["invoiceDate"] = "2026-03-15",
            ["total"] = "100.00",
            ["iban"] = "",
            ["currency"] = "EUR",
        }));

        var item = await corrected.ShouldBeJsonAsync(HttpStatusCode.OK);
        var fields = item["fields"]!;
        (fields["invoiceNumber"]!["value"]!.GetValue<string>(), fields["invoiceNumber"]!["confidence"]!.GetValue<double>()).ShouldBe(("A-1", 1.0));
        fields["supplierName"]!["confidence"]!.GetValue<double>().ShouldBe(1.0);
        // Left out or empty: cleared.
        (fields["dueDate"], fields["vatAmount"], fields["iban"]).ShouldBe((null, null, null));
        item["duplicateOf"]!["itemId"]!.GetValue<Guid>().ShouldBe(first.Id);
        (await api.GetJsonAsync($"{Inbox}/{second.Id}")).ToJsonString().ShouldBe(item.ToJsonString());
        (await api.GetJsonAsync($"{Inbox}?duplicates=true"))["items"]!.AsArray().Select(i => i!.Id()).ShouldBe([second.Id]);

        // Another supplier's VAT number: the same number and total are no longer a duplicate.
        using var otherSupplier = await api.PutAsync($"{Inbox}/{second.Id}/fields", Json(new JsonObject
        {
            ["vatNumber"] = "NL004495445B01",
            ["invoiceNumber"] = "A-1",
            ["total"] = "100.00",
        }));
        (await otherSupplier.ShouldBeJsonAsync(HttpStatusCode.OK))["duplicateOf"].ShouldBeNull();
        (await api.GetJsonAsync($"{Inbox}?duplicates=true"))["items"]!.AsArray().ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Get_SameNumberTotalAndSupplierAsDocument_DuplicateOfTheDocument(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var tenant = await app.CreateTenantAsync();
        var api = tenant.Api();
        var document = await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("F2026-0042")));

        var same = await tenant.ReceiveReadItemAsync("f42.pdf", "ATELIER LUMIERE", InboxReadingSeeds.Invoice("F2026-0042", "496.61", "ATELIER LUMIERE", vatNumber: null));
        var otherSeller = await tenant.ReceiveReadItemAsync("f42-anker.pdf", "Brouwerij Het Anker",
            InboxReadingSeeds.Invoice("F2026-0042", "496.61", "Brouwerij Het Anker", vatNumber: null));
        var otherTotal = await tenant.ReceiveReadItemAsync("f42-b.pdf", "ATELIER LUMIERE", InboxReadingSeeds.Invoice("F2026-0042", "496.62", "Atelier Lumière", vatNumber: null));

        (await api.GetJsonAsync($"{Inbox}/{same.Id}"))["duplicateOf"]!.AsObject().Select(p => (p.Key, p.Value!.GetValue<Guid>())).ShouldBe([("documentId", document.Id())]);
        (await api.GetJsonAsync($"{Inbox}/{otherSeller.Id}"))["duplicateOf"].ShouldBeNull();
        (await api.GetJsonAsync($"{Inbox}/{otherTotal.Id}"))["duplicateOf"].ShouldBeNull();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Put_BadValuesOrBodies_ProblemNamingTheFieldAndNothingChanged(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var tenant = await app.CreateTenantAsync();
        var item = await tenant.ReceiveReadItemAsync("c-1.pdf", "Factuur C-1", InboxReadingSeeds.Invoice("C-1", "10.00"));
        var rejected = await tenant.ReceiveReadItemAsync("c-2.pdf", "Factuur C-2", InboxReadingSeeds.Invoice("C-2", "20.00"));
        await tenant.RejectInboxItemAsync(rejected.Id);
        var api = tenant.Api();
        var readOnly = app.ApiClient(await tenant.CreateApiKeyAsync(ApiKeyAccess.ReadOnly));
        var url = $"{Inbox}/{item.Id}/fields";
        var before = (await api.GetJsonAsync($"{Inbox}/{item.Id}")).ToJsonString();

        var invalid = await (await api.PutAsync(url, Json(new JsonObject
        {
            ["invoiceDate"] = "15/03/2026",
            ["dueDate"] = "2026-02-30",
            ["total"] = "ten euros",
            ["vatAmount"] = "1.2.3",
            ["currency"] = new string('E', 201),
            ["invoiceNumber"] = "C-1",
        }))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "invoiceDate");
        ApiAssertions.Fields(invalid).ShouldBe(["invoiceDate", "dueDate", "total", "vatAmount", "currency"], ignoreOrder: true);

        await (await api.PutAsync(url, RawJson("{\"total\": 12.5}"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "total");
        await (await api.PutAsync(url, RawJson("{\"colour\": \"blue\"}"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "colour");
        await (await api.PutAsync(url, RawJson("{\"total\": "))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, code: "malformed-json");
        await (await api.PutAsync(url, RawJson("null"))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "body");
        await (await api.PutAsync(url, new StringContent("total=12.50", Encoding.UTF8, "text/plain"))).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, code: "media-type");
        await (await readOnly.PutAsync(url, Json(new JsonObject { ["total"] = "12.50" }))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await api.PutAsync($"{Inbox}/{Guid.NewGuid()}/fields", Json(new JsonObject()))).ShouldBeProblemAsync(HttpStatusCode.NotFound, code: "not-found");
        await (await api.PutAsync($"{Inbox}/{rejected.Id}/fields", Json(new JsonObject { ["total"] = "12.50" })))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "id", "not-pending");

        (await api.GetJsonAsync($"{Inbox}/{item.Id}")).ToJsonString().ShouldBe(before);
        (await api.GetJsonAsync($"{Inbox}/{rejected.Id}"))["fields"]!["total"]!["value"]!.GetValue<string>().ShouldBe("20.00");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Put_InvalidVatNumberIbanCurrencyOrDatesOutOfRange_UnprocessableNamingEachAndNothingChanged(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var tenant = await app.CreateTenantAsync();
        var item = await tenant.ReceiveReadItemAsync("d-1.pdf", "Factuur D-1", InboxReadingSeeds.Invoice("D-1", "10.00"));
        var api = tenant.Api();
        var url = $"{Inbox}/{item.Id}/fields";
        var before = (await api.GetJsonAsync($"{Inbox}/{item.Id}")).ToJsonString();

        var invalid = await (await api.PutAsync(url, Json(new JsonObject
        {
            ["vatNumber"] = "BE0477472702",
            ["iban"] = "BE68 5390 0754 7035",
            ["currency"] = "EURO",
            ["invoiceDate"] = "9999-12-31",
            ["dueDate"] = "1899-12-31",
            ["invoiceNumber"] = "D-1",
        }))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "vatNumber");
        ApiAssertions.Fields(invalid).ShouldBe(["vatNumber", "iban", "currency", "invoiceDate", "dueDate"], ignoreOrder: true);
        (await api.GetJsonAsync($"{Inbox}/{item.Id}")).ToJsonString().ShouldBe(before);

        // Valid values as a person types them are stored in their usual form.
        using var typed = await api.PutAsync(url, Json(new JsonObject
        {
            ["vatNumber"] = "be 0477.472.701",
            ["iban"] = "be68 5390 0754 7034",
            ["currency"] = "eur",
            ["invoiceDate"] = "2026-03-15",
        }));
        var fields = (await typed.ShouldBeJsonAsync(HttpStatusCode.OK))["fields"]!;
        (fields["vatNumber"]!["value"]!.GetValue<string>(), fields["iban"]!["value"]!.GetValue<string>(), fields["currency"]!["value"]!.GetValue<string>())
            .ShouldBe(("BE0477472701", "BE68539007547034", "EUR"));
    }
}
