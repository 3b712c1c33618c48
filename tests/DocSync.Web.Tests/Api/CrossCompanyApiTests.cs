using System.Net;
using System.Text.Json.Nodes;
using DocSync.Core.Persistence;
using static DocSync.Web.Tests.Infrastructure.ApiRequests;

namespace DocSync.Web.Tests.Api;

/// <summary>A company's API key sees and changes its own company only, whatever ids it sends.</summary>
[Collection(WebCollection.Name)]
public sealed class CrossCompanyApiTests(Databases databases)
{
    private const string SecretNumber = "B-GEHEIM-0001";
    private const string SecretSeller = "Brouwerij Vandenbroucke NV";
    private const string SecretBuyer = "Café De Verborgen Kelder";
    private const string SecretBinder = "Map van B";
    private const string SecretFileName = "b-contract.txt";
    private const string SecretInboxFile = "b-geheime-scan.pdf";

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EveryRoute_OtherCompanysIds_NotFoundAndNothingOfTheirs(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var (a, b) = await TwoCompaniesAsync(app);
        var api = a.Tenant.Api();
        var failures = new List<string>();

        foreach (var route in ApiRoute.All)
        {
            // B's document at each version, B's file under B's document and under A's own document.
            var urls = new List<string> { route.Sample(b.Ids), route.Sample(b.Ids with { Version = 2 }) };
            if (route.Template.Contains("{fileId}", StringComparison.Ordinal))
            {
                urls.Add(route.Sample(b.Ids with { DocumentId = a.Ids.DocumentId }));
            }

            foreach (var url in urls.Distinct())
            {
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), url) { Content = route.SampleBody(b.BinderId) };
                request.Headers.TryAddWithoutValidation("If-Match", "\"2\"");
                using var response = await api.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                var at = $"{route.Method} {url} → {(int)response.StatusCode} {text}";
                if (route.TakesIds && (response.StatusCode != HttpStatusCode.NotFound || response.Content.Headers.ContentType?.MediaType != "application/problem+json"))
                {
                    failures.Add($"not a 404 problem: {at}");
                }

                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"server error: {at}");
                }

                var leaked = b.Secrets(includeIds: !route.TakesIds).Where(s => text.Contains(s, StringComparison.OrdinalIgnoreCase)).ToList();
                if (leaked.Count > 0)
                {
                    failures.Add($"shows {string.Join(", ", leaked)}: {at}");
                }
            }
        }

        failures.ShouldBeEmpty();
        var theirs = await b.Tenant.Api().GetJsonAsync($"{Documents}/{b.Ids.DocumentId}");
        theirs["version"]!.GetValue<int>().ShouldBe(2);
        theirs["content"]!["number"]!.GetValue<string>().ShouldBe(SecretNumber);
        (await b.Tenant.Api().CountDocumentsAsync()).ShouldBe(1);
        (await b.Tenant.Api().GetJsonAsync("/api/v1/binders")).AsArray().ShouldHaveSingleItem()!.Id().ShouldBe(b.BinderId);
        (await b.Tenant.Api().GetJsonAsync("/api/v1/inbox"))["items"]!.AsArray().ShouldHaveSingleItem()!.Id().ShouldBe(b.Ids.InboxItemId);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_OtherCompanysDocuments_NeverShown(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var (a, b) = await TwoCompaniesAsync(app);
        var api = a.Tenant.Api();

        var all = await api.GetJsonAsync($"{Documents}?pageSize=200");
        var byNumber = await api.GetJsonAsync($"{Documents}?q={SecretNumber}");
        var bySeller = await api.GetJsonAsync($"{Documents}?q=Vandenbroucke");
        var byBinder = await api.GetJsonAsync($"{Documents}?binderId={b.BinderId}");
        var binders = await api.GetJsonAsync("/api/v1/binders");
        var company = await api.GetJsonAsync("/api/v1/company");
        var inbox = await api.GetJsonAsync("/api/v1/inbox");

        all["items"]!.AsArray().Select(i => i!.Id()).ShouldBe([a.Ids.DocumentId]);
        all["totalCount"]!.GetValue<int>().ShouldBe(1);
        foreach (var page in new[] { byNumber, bySeller, byBinder })
        {
            page["totalCount"]!.GetValue<int>().ShouldBe(0);
            page["items"]!.AsArray().ShouldBeEmpty();
        }

        binders.AsArray().Select(x => x!.Id()).ShouldBe([a.BinderId]);
        company.Id().ShouldBe(a.Tenant.CompanyId);
        inbox["items"]!.AsArray().Select(i => i!.Id()).ShouldBe([a.Ids.InboxItemId]);
        foreach (var text in new[] { all, byNumber, bySeller, byBinder, binders, company, inbox }.Select(n => n.ToJsonString()))
        {
            b.Secrets(includeIds: true).ShouldAllBe(s => !text.Contains(s, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateOrUpdate_OtherCompanysBinder_ProblemNamingBinderId(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var (a, b) = await TwoCompaniesAsync(app);
        var api = a.Tenant.Api();

        using var create = await api.PostDocumentAsync(Json(SampleDocuments.Body(SampleDocuments.Invoice("A-2"), binderId: b.BinderId)));
        using var multipart = await api.PostDocumentAsync(Multipart(SampleDocuments.Body(SampleDocuments.Invoice("A-3"), binderId: b.BinderId)));
        using var update = await api.PutDocumentAsync(a.Ids.DocumentId, Json(SampleDocuments.Body(SampleDocuments.Invoice("A-1"), binderId: b.BinderId)), "\"1\"");

        foreach (var response in new[] { create, multipart, update })
        {
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "binderId");
            b.Secrets(includeIds: false).ShouldAllBe(s => !problem.ToJsonString().Contains(s, StringComparison.OrdinalIgnoreCase));
        }

        (await api.CountDocumentsAsync()).ShouldBe(1);
        (await api.GetJsonAsync($"{Documents}/{a.Ids.DocumentId}"))["version"]!.GetValue<int>().ShouldBe(1);
        (await api.GetJsonAsync($"{Documents}?binderId={b.BinderId}"))["totalCount"]!.GetValue<int>().ShouldBe(0);
        (await b.Tenant.Api().GetJsonAsync($"{Documents}?binderId={b.BinderId}"))["totalCount"]!.GetValue<int>().ShouldBe(1);
    }

    private static async Task<(Company A, Company B)> TwoCompaniesAsync(DocSyncApp app)
    {
        var a = await app.CreateTenantAsync("Lumen BV");
        var aBinder = await a.CreateBinderAsync("Map van A");
        var aDocument = await a.Api().CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("A-1"), files: SampleDocuments.PdfFile("a.pdf", "a")));
        var aInbox = await a.ReceiveInboxItemAsync("a-scan.pdf", "application/pdf", SampleDocuments.Pdf("a scan"));

        var b = await app.CreateTenantAsync("Vandenbroucke Holding");
        var bBinder = await b.CreateBinderAsync(SecretBinder);
        var bApi = b.Api();
        var bDocument = await bApi.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice(SecretNumber, seller: SecretSeller, buyer: SecretBuyer), binderId: bBinder,
            files: [SampleDocuments.PdfFile("b.pdf", "b"), SampleDocuments.File("attachment", SecretFileName, "text/plain", "vertrouwelijk"u8.ToArray())]));
        using var update = await bApi.PutDocumentAsync(bDocument.Id(),
            Json(SampleDocuments.Body(SampleDocuments.Invoice(SecretNumber, seller: SecretSeller, buyer: SecretBuyer, note: "v2"), binderId: bBinder)), "\"1\"");
        await update.ShouldBeJsonAsync(HttpStatusCode.OK);
        var bFile = bDocument["files"]!.AsArray().Single(f => f!["kind"]!.GetValue<string>() == "attachment")!;
        var bInbox = await b.ReceiveInboxItemAsync(SecretInboxFile, "application/pdf", SampleDocuments.Pdf("vertrouwelijk scan"));
        var (bFolder, bFreeFile, bTrashed) = await b.SeedFilesAsync("Vandenbroucke map", "vertrouwelijk-vrij.pdf", "vertrouwelijk vrij");
        return (new Company(a, new SampleIds(aDocument.Id(), Guid.Empty, aInbox), aBinder, []),
            new Company(b, new SampleIds(bDocument.Id(), bFile.Id(), bInbox, 1, bFolder, bFreeFile, bTrashed), bBinder, [bFile["sha256"]!.GetValue<string>()]));
    }

    private sealed record Company(TestTenant Tenant, SampleIds Ids, Guid BinderId, IReadOnlyList<string> Hashes)
    {
        // What A must never see of B; ids are left out where A sent them itself.
        public IEnumerable<string> Secrets(bool includeIds) =>
            [SecretNumber, SecretSeller, SecretBuyer, SecretBinder, SecretFileName, SecretInboxFile, "Vandenbroucke", "vertrouwelijk", .. Hashes,
                .. (includeIds ? new[] { Ids.DocumentId.ToString(), Ids.FileId.ToString(), Ids.InboxItemId.ToString(), BinderId.ToString(), Tenant.CompanyId.ToString() } : [])];
    }
}
