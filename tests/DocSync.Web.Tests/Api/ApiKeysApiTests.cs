using System.Net;
using System.Net.Http.Headers;
using DocSync.Core.ApiKeys;
using DocSync.Core.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static DocSync.Web.Tests.Infrastructure.ApiRequests;

namespace DocSync.Web.Tests.Api;

[Collection(WebCollection.Name)]
public sealed class ApiKeysApiTests(Databases databases)
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Request_WithoutAuthorization_UnauthorizedWithBearerChallenge(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        await app.CreateTenantAsync();
        var anonymous = app.ApiClient(null);

        foreach (var route in ApiRoute.All)
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Sample(SampleIds.Random())) { Content = route.SampleBody() };
            using var response = await anonymous.SendAsync(request);
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, code: "unauthenticated");
            response.Headers.WwwAuthenticate.ShouldHaveSingleItem().Scheme.ShouldBe("Bearer", route.ToString());
            problem["detail"]!.GetValue<string>().ShouldContain("Bearer");
        }
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Request_MalformedUnknownOrTamperedKey_Unauthorized(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var tenant = await app.CreateTenantAsync();
        var prefix = Prefix(tenant.ApiKey);
        string[] keys =
        [
            "nonsense", "dsk_", "dsk_0123456789abcdef", "dsk_0123456789abcdef_" + new string('A', 43), prefix + "_" + new string('A', 43),
            tenant.ApiKey[..^1] + (tenant.ApiKey[^1] == 'A' ? 'B' : 'A'), tenant.ApiKey + "x", tenant.ApiKey.ToUpperInvariant(), "dsk_" + new string('x', 300),
        ];

        foreach (var key in keys)
        {
            using var response = await app.ApiClient(key).GetAsync(Documents);
            await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, code: "unauthenticated");
            response.Headers.WwwAuthenticate.ShouldHaveSingleItem().ToString().ShouldBe("Bearer error=\"invalid_token\"", key);
        }

        var basic = app.ApiClient(null);
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("user:password"u8));
        await (await basic.GetAsync(Documents)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await tenant.Api().GetAsync(Documents)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Request_RevokedKey_UnauthorizedWhileOtherKeysWork(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var tenant = await app.CreateTenantAsync();
        var other = await tenant.CreateApiKeyAsync(ApiKeyAccess.ReadWrite);
        var api = tenant.Api();
        (await api.GetAsync(Documents)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await tenant.RevokeApiKeyAsync();

        await (await api.GetAsync(Documents)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, code: "unauthenticated");
        await (await api.PostDocumentAsync(Json(SampleDocuments.Body(SampleDocuments.Invoice())))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await app.ApiClient(other).CountDocumentsAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Request_ReadOnlyKey_ReadsButMayNotWrite(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var tenant = await app.CreateTenantAsync();
        var document = await tenant.Api().CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice()));
        var readOnly = app.ApiClient(await tenant.CreateApiKeyAsync(ApiKeyAccess.ReadOnly));

        (await readOnly.GetJsonAsync("/api/v1/company")).Id().ShouldBe(tenant.CompanyId);
        (await readOnly.CountDocumentsAsync()).ShouldBe(1);
        (await readOnly.GetJsonAsync($"{Documents}/{document.Id()}")).Id().ShouldBe(document.Id());
        (await readOnly.GetJsonAsync($"{Documents}/{document.Id()}/versions/1")).Id().ShouldBe(document.Id());
        (await readOnly.GetByteArrayAsync($"{Documents}/{document.Id()}/files/{document["files"]![0]!.Id()}")).ShouldNotBeEmpty();
        (await readOnly.GetJsonAsync("/api/v1/binders")).AsArray().ShouldBeEmpty();

        await (await readOnly.PostDocumentAsync(Json(SampleDocuments.Body(SampleDocuments.Invoice("R-1"))))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, code: "forbidden");
        await (await readOnly.PostDocumentAsync(Multipart(SampleDocuments.Body(SampleDocuments.Invoice("R-2")), ("pdf", "r.pdf", "application/pdf", SampleDocuments.Pdf()))))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await readOnly.PutDocumentAsync(document.Id(), Json(SampleDocuments.Body(SampleDocuments.Invoice(note: "changed"))), "\"1\"")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await readOnly.PostAsync("/api/v1/binders", Json(new System.Text.Json.Nodes.JsonObject { ["name"] = "Aankoop" }))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await readOnly.CountDocumentsAsync()).ShouldBe(1);
        (await readOnly.GetJsonAsync($"{Documents}/{document.Id()}"))["version"]!.GetValue<int>().ShouldBe(1);
        (await readOnly.GetJsonAsync("/api/v1/binders")).AsArray().ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Binders_ReadWriteKey_CreatesAndListsBinders(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();

        using var response = await api.PostAsync("/api/v1/binders", Json(new System.Text.Json.Nodes.JsonObject { ["name"] = "Aankoop 2026", ["description"] = "Facturen van leveranciers" }));

        var binder = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        response.Headers.Location!.OriginalString.ShouldBe($"/api/v1/binders/{binder.Id()}");
        var listed = (await api.GetJsonAsync("/api/v1/binders")).AsArray().ShouldHaveSingleItem()!;
        listed["name"]!.GetValue<string>().ShouldBe("Aankoop 2026");
        listed["description"]!.GetValue<string>().ShouldBe("Facturen van leveranciers");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Key_NeverInAnyResponseOrLogLine(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var tenant = await app.CreateTenantAsync();
        var readOnlyKey = await tenant.CreateApiKeyAsync(ApiKeyAccess.ReadOnly);
        var revokedKey = await tenant.CreateApiKeyAsync(ApiKeyAccess.ReadWrite);
        await tenant.RevokeApiKeyAsync(revokedKey);
        var logs = new CapturingLoggerProvider();
        await using var logged = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddLogging(l => l
            .AddProvider(logs).AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace))));
        HttpClient Client(string key)
        {
            var client = logged.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            return client;
        }

        var wrongSecret = Prefix(tenant.ApiKey) + "_" + new string('Z', 43);
        var bodies = new List<string>();
        async Task Send(HttpClient client, HttpMethod method, string url, HttpContent? content = null)
        {
            using var response = await client.SendAsync(new HttpRequestMessage(method, url) { Content = content });
            bodies.Add($"{(int)response.StatusCode} {response.Headers} {response.Content.Headers} {await response.Content.ReadAsStringAsync()}");
        }

        var broken = SampleDocuments.Body(SampleDocuments.Invoice("broken"));
        broken["content"]!["totals"]!["totalVat"] = 1m;
        var api = Client(tenant.ApiKey);
        await Send(api, HttpMethod.Get, "/api/v1/company");
        await Send(api, HttpMethod.Post, Documents, Json(SampleDocuments.Body(SampleDocuments.Invoice())));
        await Send(api, HttpMethod.Post, Documents, Json(broken));
        await Send(api, HttpMethod.Get, Documents);
        await Send(api, HttpMethod.Get, "/api/v1/nowhere");
        await Send(Client(readOnlyKey), HttpMethod.Post, Documents, Json(SampleDocuments.Body(SampleDocuments.Invoice())));
        await Send(Client(revokedKey), HttpMethod.Get, Documents);
        await Send(Client(wrongSecret), HttpMethod.Get, Documents);

        logs.Lines.ShouldNotBeEmpty();
        foreach (var key in new[] { tenant.ApiKey, readOnlyKey, revokedKey, wrongSecret })
        {
            var secret = key[(Prefix(key).Length + 1)..];
            bodies.ShouldAllBe(b => !b.Contains(secret, StringComparison.Ordinal));
            logs.Lines.ShouldAllBe(l => !l.Contains(secret, StringComparison.Ordinal));
        }
    }

    // dsk_<16 hex>; the secret after it is base64url and may hold '_' itself.
    private static string Prefix(string key) => key[..key.IndexOf('_', "dsk_".Length)];
}
