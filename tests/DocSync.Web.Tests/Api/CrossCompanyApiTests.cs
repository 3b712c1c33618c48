using System.Net;
using System.Text.Json.Nodes;
using DocSync.Core.Persistence;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
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
            var urls = new[] { route.Sample(b.DocumentId, b.FileId), route.Sample(b.DocumentId, b.FileId, version: 2) }.ToList();
            if (route.Template.Contains("{fileId}", StringComparison.Ordinal))
            {
                urls.Add(route.Sample(a.DocumentId, b.FileId));
            }

            foreach (var url in urls.Distinct())
            {
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), url) { Content = Body(route, b.BinderId) };
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
        var theirs = await b.Tenant.Api().GetJsonAsync($"{Documents}/{b.DocumentId}");
        theirs["version"]!.GetValue<int>().ShouldBe(2);
        theirs["content"]!["number"]!.GetValue<string>().ShouldBe(SecretNumber);
        (await b.Tenant.Api().CountDocumentsAsync()).ShouldBe(1);
        (await b.Tenant.Api().GetJsonAsync("/api/v1/binders")).AsArray().ShouldHaveSingleItem()!.Id().ShouldBe(b.BinderId);
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

        all["items"]!.AsArray().Select(i => i!.Id()).ShouldBe([a.DocumentId]);
        all["totalCount"]!.GetValue<int>().ShouldBe(1);
        foreach (var page in new[] { byNumber, bySeller, byBinder })
        {
            page["totalCount"]!.GetValue<int>().ShouldBe(0);
            page["items"]!.AsArray().ShouldBeEmpty();
        }

        binders.AsArray().Select(x => x!.Id()).ShouldBe([a.BinderId]);
        company.Id().ShouldBe(a.Tenant.CompanyId);
        foreach (var text in new[] { all, byNumber, bySeller, byBinder, binders, company }.Select(n => n.ToJsonString()))
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
        using var update = await api.PutDocumentAsync(a.DocumentId, Json(SampleDocuments.Body(SampleDocuments.Invoice("A-1"), binderId: b.BinderId)), "\"1\"");

        foreach (var response in new[] { create, multipart, update })
        {
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "binderId");
            b.Secrets(includeIds: false).ShouldAllBe(s => !problem.ToJsonString().Contains(s, StringComparison.OrdinalIgnoreCase));
        }

        (await api.CountDocumentsAsync()).ShouldBe(1);
        (await api.GetJsonAsync($"{Documents}/{a.DocumentId}"))["version"]!.GetValue<int>().ShouldBe(1);
        (await api.GetJsonAsync($"{Documents}?binderId={b.BinderId}"))["totalCount"]!.GetValue<int>().ShouldBe(0);
        (await b.Tenant.Api().GetJsonAsync($"{Documents}?binderId={b.BinderId}"))["totalCount"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Matrix_EveryMappedApiRoute_Listed()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);

        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => Normalize(e.RoutePattern).StartsWith("/api/v1/", StringComparison.Ordinal) && !e.RoutePattern.Parameters.Any(p => p.IsCatchAll))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => new ApiRoute(m, Normalize(e.RoutePattern))))
            .ToList();

        mapped.ShouldNotBeEmpty();
        mapped.Except(ApiRoute.All).ShouldBeEmpty("Routes mapped but missing from ApiRoute.All: add them so the matrices cover them.");
        ApiRoute.All.Except(mapped).ShouldBeEmpty("Routes in ApiRoute.All the app no longer maps.");
    }

    // "/api/v1/documents/{id:guid}/versions/{version:int}" → "/api/v1/documents/{id}/versions/{version}"; no trailing slash.
    private static string Normalize(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "?",
        }))));

    private static HttpContent? Body(ApiRoute route, Guid otherBinder) => route.Method switch
    {
        "GET" or "DELETE" or "HEAD" => null,
        _ when route.Template.StartsWith("/api/v1/binders", StringComparison.Ordinal) => Json(new JsonObject { ["name"] = "Map van A " + Guid.NewGuid().ToString("N")[..6] }),
        _ when route.TakesIds => Json(SampleDocuments.Body(SampleDocuments.Invoice("A-OVERWRITE", note: "overwritten by A"))),
        _ => Json(SampleDocuments.Body(SampleDocuments.Invoice("A-NEW"), binderId: otherBinder)),
    };

    private static async Task<(Company A, Company B)> TwoCompaniesAsync(DocSyncApp app)
    {
        var a = await app.CreateTenantAsync("Lumen BV");
        var aBinder = await a.CreateBinderAsync("Map van A");
        var aDocument = await a.Api().CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("A-1"), files: SampleDocuments.PdfFile("a.pdf", "a")));

        var b = await app.CreateTenantAsync("Vandenbroucke Holding");
        var bBinder = await b.CreateBinderAsync(SecretBinder);
        var bApi = b.Api();
        var bDocument = await bApi.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice(SecretNumber, seller: SecretSeller, buyer: SecretBuyer), binderId: bBinder,
            files: [SampleDocuments.PdfFile("b.pdf", "b"), SampleDocuments.File("attachment", SecretFileName, "text/plain", "vertrouwelijk"u8.ToArray())]));
        using var update = await bApi.PutDocumentAsync(bDocument.Id(),
            Json(SampleDocuments.Body(SampleDocuments.Invoice(SecretNumber, seller: SecretSeller, buyer: SecretBuyer, note: "v2"), binderId: bBinder)), "\"1\"");
        await update.ShouldBeJsonAsync(HttpStatusCode.OK);
        var bFile = bDocument["files"]!.AsArray().Single(f => f!["kind"]!.GetValue<string>() == "attachment")!;
        return (new Company(a, aDocument.Id(), aBinder, [], Guid.Empty),
            new Company(b, bDocument.Id(), bBinder, [bFile["sha256"]!.GetValue<string>()], bFile.Id()));
    }

    private sealed record Company(TestTenant Tenant, Guid DocumentId, Guid BinderId, IReadOnlyList<string> Hashes, Guid FileId)
    {
        // What A must never see of B; ids are left out where A sent them itself.
        public IEnumerable<string> Secrets(bool includeIds) =>
            [SecretNumber, SecretSeller, SecretBuyer, SecretBinder, SecretFileName, "Vandenbroucke", "vertrouwelijk", .. Hashes,
                .. (includeIds ? new[] { DocumentId.ToString(), BinderId.ToString(), FileId.ToString(), Tenant.CompanyId.ToString() } : [])];
    }
}
