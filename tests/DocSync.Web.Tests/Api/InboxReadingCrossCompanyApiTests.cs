using System.Net;
using DocSync.Core.Persistence;
using DocSync.Core.Reading;

namespace DocSync.Web.Tests.Api;

/// <summary>What was read from another company's files stays theirs: text, fields, search and duplicates.</summary>
[Collection(WebCollection.Name)]
public sealed class InboxReadingCrossCompanyApiTests(Databases databases)
{
    private const string SecretText = "Vertrouwelijk contract Vandenbroucke";
    private const string SecretSupplier = "Brouwerij Vandenbroucke NV";
    private const string SecretNumber = "B-GEHEIM-0007";

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task InboxRoutes_OtherCompanysReadItem_NotFoundNothingShownNothingChanged(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var a = await app.CreateTenantAsync("Lumen BV");
        var b = await app.CreateTenantAsync("Vandenbroucke Holding");
        var theirs = await b.ReceiveReadItemAsync("b-scan.pdf", SecretText, Fields());
        var aItem = await a.ReceiveInboxItemAsync("a-scan.pdf", "application/pdf", SampleDocuments.Pdf("a"));
        var before = (await b.Api().GetJsonAsync($"/api/v1/inbox/{theirs.Id}")).ToJsonString();
        var api = a.Api();
        var failures = new List<string>();
        string[] secrets = [SecretText, SecretSupplier, SecretNumber, "Vandenbroucke", "GEHEIM", "b-scan"];

        foreach (var route in ApiRoute.All.Where(r => r.TakesIds && r.Template.StartsWith("/api/v1/inbox", StringComparison.Ordinal)))
        {
            var url = route.Sample(new SampleIds(Guid.Empty, Guid.Empty, theirs.Id));
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), url) { Content = route.SampleBody() };
            using var response = await api.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.NotFound || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"not a 404 problem: {route} → {(int)response.StatusCode} {text}");
            }

            failures.AddRange(secrets.Where(s => text.Contains(s, StringComparison.OrdinalIgnoreCase)).Select(s => $"shows {s}: {route}"));
        }

        failures.ShouldBeEmpty();
        foreach (var query in new[] { "q=vertrouwelijk", "q=b-scan", "duplicates=true", "source=api" })
        {
            var page = await api.GetJsonAsync($"/api/v1/inbox?{query}");
            page["items"]!.AsArray().ShouldBeEmpty(query);
        }

        (await b.Api().GetJsonAsync($"/api/v1/inbox/{theirs.Id}")).ToJsonString().ShouldBe(before);
        (await b.Api().GetStringAsync($"/api/v1/inbox/{theirs.Id}/text")).ShouldBe(SecretText);
        (await api.GetJsonAsync($"/api/v1/inbox/{aItem}"))["duplicateOf"].ShouldBeNull();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Duplicates_SameInvoiceInAnotherCompany_NotFlagged(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var a = await app.CreateTenantAsync("Lumen BV");
        var b = await app.CreateTenantAsync("Vandenbroucke Holding");
        await b.ReceiveReadItemAsync("b-scan.pdf", SecretText, Fields());
        using (var bApi = b.Api())
        {
            await bApi.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice(SecretNumber, seller: SecretSupplier)));
        }

        // A receives the very same invoice: B's item and B's document are not A's duplicates.
        var mine = await a.ReceiveReadItemAsync("a-copy.pdf", "copy", Fields());
        var api = a.Api();
        using var fixedFields = await api.PutAsync($"/api/v1/inbox/{mine.Id}/fields",
            ApiRequests.Json(new System.Text.Json.Nodes.JsonObject { ["supplierName"] = SecretSupplier, ["invoiceNumber"] = SecretNumber, ["total"] = "496.61" }));

        mine.IsPossibleDuplicate.ShouldBeFalse();
        (await fixedFields.ShouldBeJsonAsync(HttpStatusCode.OK))["duplicateOf"].ShouldBeNull();
        (await api.GetJsonAsync("/api/v1/inbox?duplicates=true"))["items"]!.AsArray().ShouldBeEmpty();
    }

    private static ExtractedFields Fields() => InboxReadingSeeds.Invoice(SecretNumber, "496.61", SecretSupplier, vatNumber: null);
}
