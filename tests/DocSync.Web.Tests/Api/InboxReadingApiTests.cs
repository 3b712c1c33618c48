using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;

namespace DocSync.Web.Tests.Api;

/// <summary>The inbox API shows what reading each file gave: state, language, fields, text, possible duplicates.</summary>
[Collection(WebCollection.Name)]
public sealed class InboxReadingApiTests(Databases databases)
{
    private const string Inbox = "/api/v1/inbox";

    private static readonly string[] FieldNames = ["supplierName", "vatNumber", "invoiceNumber", "invoiceDate", "dueDate", "total", "vatAmount", "iban", "currency"];

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Get_ReadUnreadAndFailedItems_ShowReadingFieldsAndDuplicate(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var tenant = await app.CreateTenantAsync();
        var first = await tenant.ReceiveReadItemAsync("lv-77.pdf", "Factuur LV-77", InboxReadingSeeds.Invoice("LV-77", "60.50"));
        // The same invoice again, its number and total written differently.
        var again = await tenant.ReceiveReadItemAsync("lv-77 (2).pdf", "Factuur LV 77", InboxReadingSeeds.Invoice("lv 77", "60.5"), InboxSource.Collect);
        var failed = await tenant.ReceiveReadItemAsync("broken.pdf", "", state: InboxReadState.Failed, method: "none", language: null, problem: "The PDF is damaged.");
        var unread = await tenant.ReceiveInboxItemAsync("scan.pdf", "application/pdf", SampleDocuments.Pdf("scan"));
        var api = tenant.Api();

        var shown = (await api.GetJsonAsync($"{Inbox}/{first.Id}")).AsObject();
        var duplicate = (await api.GetJsonAsync($"{Inbox}/{again.Id}")).AsObject();
        var broken = (await api.GetJsonAsync($"{Inbox}/{failed.Id}")).AsObject();
        var notRead = (await api.GetJsonAsync($"{Inbox}/{unread}")).AsObject();
        var listed = (await api.GetJsonAsync(Inbox))["items"]!.AsArray().Select(i => i!.AsObject()).ToList();

        (Text(shown, "readState"), Text(shown, "readMethod"), Text(shown, "language")).ShouldBe(("read", "ocr", "en"));
        shown.ContainsKey("readProblem").ShouldBeFalse();
        var fields = shown["fields"]!.AsObject();
        fields.Select(f => f.Key).ShouldBe(FieldNames);
        (Text(fields["invoiceNumber"]!, "value"), fields["invoiceNumber"]!["confidence"]!.GetValue<double>()).ShouldBe(("LV-77", 0.6));
        (Text(fields["total"]!, "value"), Text(fields["invoiceDate"]!, "value"), Text(fields["iban"]!, "value")).ShouldBe(("60.50", "2026-03-15", "BE68539007547034"));
        shown.ContainsKey("duplicateOf").ShouldBeTrue();
        shown["duplicateOf"].ShouldBeNull();
        duplicate["duplicateOf"]!.AsObject().Select(p => (p.Key, p.Value!.GetValue<Guid>())).ShouldBe([("itemId", first.Id)]);
        Text(duplicate, "source").ShouldBe("collect");

        (Text(broken, "readState"), Text(broken, "readMethod"), Text(broken, "readProblem")).ShouldBe(("failed", "none", "The PDF is damaged."));
        broken.ContainsKey("language").ShouldBeFalse();
        Text(notRead, "readState").ShouldBe("notRead");
        notRead.ContainsKey("readMethod").ShouldBeFalse();
        notRead["fields"]!.AsObject().Select(f => (f.Key, f.Value)).ShouldBe(FieldNames.Select(n => (n, (JsonNode?)null)));

        // The list shows each item as GET does.
        listed.Select(i => i.Id()).ShouldBe([unread, failed.Id, again.Id, first.Id]);
        listed.Single(i => i.Id() == again.Id).ToJsonString().ShouldBe(duplicate.ToJsonString());
        listed.Single(i => i.Id() == first.Id).ToJsonString().ShouldBe(shown.ToJsonString());
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Text_ReadItem_PlainUtf8AsReadAndEmptyWhenNotRead(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var tenant = await app.CreateTenantAsync();
        const string text = "FACTURE n° 2026-12\r\nÉlectricité — 60,50 €\n\n<b>Total</b> & \"TVA\" 21 %\tfin";
        var read = await tenant.ReceiveReadItemAsync("facture.pdf", text, language: "fr");
        var unread = await tenant.ReceiveInboxItemAsync("scan.pdf", "application/pdf", SampleDocuments.Pdf("scan"));
        var api = tenant.Api();

        using var response = await api.GetAsync($"{Inbox}/{read.Id}/text");
        using var empty = await api.GetAsync($"{Inbox}/{unread}/text");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        response.Content.Headers.ContentType.CharSet.ShouldBe("utf-8");
        Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).ShouldBe(text);
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await empty.Content.ReadAsStringAsync()).ShouldBeEmpty();
        await (await api.GetAsync($"{Inbox}/{Guid.NewGuid()}/text")).ShouldBeProblemAsync(HttpStatusCode.NotFound, code: "not-found");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_SearchSourceAndDuplicates_FilterAndBadValuesNameTheParameter(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var tenant = await app.CreateTenantAsync();
        var electricity = (await tenant.ReceiveReadItemAsync("scan-0001.pdf", "FACTURE ÉLECTRICITÉ\nMars 2026 — Engie", source: InboxSource.Collect)).Id;
        var water = (await tenant.ReceiveReadItemAsync("water.pdf", "Waterrekening", InboxReadingSeeds.Invoice("WG-1", "42.00"))).Id;
        var upload = await tenant.ReceiveInboxItemAsync("Électricité avril.pdf", "application/pdf", SampleDocuments.Pdf("avril"));
        var copy = (await tenant.ReceiveReadItemAsync("water-copy.pdf", "Waterrekening", InboxReadingSeeds.Invoice("WG-1", "42.00"))).Id;
        var api = tenant.Api();

        async Task<IReadOnlyList<Guid>> Ids(string query) => (await api.GetJsonAsync($"{Inbox}?{query}"))["items"]!.AsArray().Select(i => i!.Id()).ToList();

        (await Ids("q=electricite")).ShouldBe([upload, electricity]);
        (await Ids("q=%C3%A9lectricit%C3%A9%20avril")).ShouldBe([upload]);
        (await Ids("q=ENGIE")).ShouldBe([electricity]);
        (await Ids("q=mars%202026")).ShouldBe([electricity]);
        (await Ids("q=gas")).ShouldBeEmpty();
        (await Ids("source=collect")).ShouldBe([electricity]);
        (await Ids("source=upload")).ShouldBe([upload]);
        (await Ids("source=api")).ShouldBe([copy, water]);
        (await Ids("duplicates=true")).ShouldBe([copy]);
        (await Ids("duplicates=false")).ShouldBe([copy, upload, water, electricity]);
        (await Ids("duplicates=true&source=collect")).ShouldBeEmpty();
        (await Ids("q=electricite&source=upload&status=pending")).ShouldBe([upload]);
        (await api.GetJsonAsync($"{Inbox}?q=waterrekening&pageSize=1"))["totalCount"]!.GetValue<int>().ShouldBe(2);
        await (await api.GetAsync($"{Inbox}?source=dropbox")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "source");
        await (await api.GetAsync($"{Inbox}?source=3")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "source");
        await (await api.GetAsync($"{Inbox}?duplicates=yes")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "duplicates");
    }

    [Fact]
    public async Task OpenApi_InboxRoutes_DescribeFiltersTextAndFieldsBody()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);

        var document = await app.ApiClient(null).GetJsonAsync("/openapi/v1.json");

        var paths = document["paths"]!.AsObject();
        JsonNode Path(string template) => paths.Single(p => p.Key.TrimEnd('/') == template).Value!;
        Path(Inbox)["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>())
            .ShouldBe(["status", "binderId", "source", "q", "duplicates", "page", "pageSize"], ignoreOrder: true);
        Path($"{Inbox}/{{id}}/text")["get"]!["responses"]!["200"]!["content"]!.AsObject().Select(c => c.Key).ShouldContain("text/plain");
        var put = Path($"{Inbox}/{{id}}/fields")["put"]!;
        put["requestBody"]!["content"]!.AsObject().Select(c => c.Key).ShouldBe(["application/json"]);
        put["responses"]!.AsObject().Select(r => r.Key).ShouldBe(["200", "400", "404", "409", "415", "422"], ignoreOrder: true);
        document["components"]!["schemas"]!.AsObject().Select(s => s.Key).ShouldContain("InboxFieldsBody");
    }

    private static string Text(JsonNode node, string name) => node[name]!.GetValue<string>();
}
