using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DocSync.Core.Persistence;
using static DocSync.Web.Tests.Infrastructure.ApiRequests;

namespace DocSync.Web.Tests.Api;

/// <summary>Bodies and query strings built to hurt: each is a quick problem naming what is wrong, and nothing is written.</summary>
[Collection(WebCollection.Name)]
public sealed class InputLimitsApiTests(Databases databases)
{
    private const string Boundary = "docsync-limits-boundary";

    [Fact]
    public async Task Create_MultipartWith25000Parts_TooManyPartsAndNothingWritten()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var api = (await app.CreateTenantAsync()).Api();
        var body = new StringBuilder();
        AppendPart(body, "document", null, "application/json", SampleDocuments.Body(SampleDocuments.Invoice()).ToJsonString());
        for (var i = 0; i < 25_000; i++)
        {
            AppendPart(body, "attachment", $"a{i}.txt", "text/plain", new string('x', 20));
        }

        body.Append("--").Append(Boundary).Append("--\r\n");
        body.Length.ShouldBeGreaterThan(2_500_000);

        using var response = await api.PostDocumentAsync(Raw(body.ToString()));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "body", "too-many-parts");
        (await api.CountDocumentsAsync()).ShouldBe(0);
        StoredBlobs(app).ShouldBeEmpty();
    }

    [Fact]
    public async Task Create_MultipartAtTheLimit_Created()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["DocSync:Web:MaxFileParts"] = "3" });
        var api = (await app.CreateTenantAsync()).Api();
        var three = Enumerable.Range(0, 3).Select(i => ("attachment", $"n{i}.txt", "text/plain", Encoding.UTF8.GetBytes($"note {i}"))).ToArray();
        var four = Enumerable.Range(0, 4).Select(i => ("attachment", $"m{i}.txt", "text/plain", Encoding.UTF8.GetBytes($"more {i}"))).ToArray();

        using var atLimit = await api.PostDocumentAsync(Multipart(SampleDocuments.Body(SampleDocuments.Invoice("L-1")), three));
        using var overLimit = await api.PostDocumentAsync(Multipart(SampleDocuments.Body(SampleDocuments.Invoice("L-2")), four));

        atLimit.StatusCode.ShouldBe(HttpStatusCode.Created, await atLimit.Content.ReadAsStringAsync());
        await overLimit.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "body", "too-many-parts");
        (await api.CountDocumentsAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Create_MultipartCutOffOrMalformed_BadRequestAndNothingWritten()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var api = (await app.CreateTenantAsync()).Api();
        var document = SampleDocuments.Body(SampleDocuments.Invoice()).ToJsonString();
        var whole = new StringBuilder();
        AppendPart(whole, "document", null, "application/json", document);
        AppendPart(whole, "attachment", "note.txt", "text/plain", new string('n', 5000));
        var cases = new Dictionary<string, string>
        {
            ["cut off inside a file part"] = whole.ToString()[..(whole.Length - 2000)],
            ["cut off inside the document part"] = whole.ToString()[..(document.Length / 2)],
            ["no closing boundary"] = whole.ToString(),
            ["no boundary at all"] = "just some text, no parts",
            ["header line too long"] = $"--{Boundary}\r\nContent-Disposition: form-data; name=\"document\"; x=\"{new string('h', 20_000)}\"\r\n\r\n{{}}\r\n--{Boundary}--\r\n",
        };
        var failures = new List<string>();

        foreach (var (name, body) in cases)
        {
            using var response = await api.PostDocumentAsync(Raw(body));
            try
            {
                await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "body", "malformed-multipart");
            }
            catch (Exception e)
            {
                failures.Add($"{name}: {e.Message}");
            }
        }

        failures.ShouldBeEmpty();
        (await api.CountDocumentsAsync()).ShouldBe(0);
        StoredBlobs(app).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_PageOrPageSizeOutOfRange_BadRequestNamingIt(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();
        await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice()));

        foreach (var list in new[] { Documents, "/api/v1/inbox" })
        {
            await (await api.GetAsync($"{list}?page=2147483647")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "page", "bad-query");
            await (await api.GetAsync($"{list}?page=100001")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "page", "bad-query");
            await (await api.GetAsync($"{list}?page=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "page", "bad-query");
            await (await api.GetAsync($"{list}?page=99999999999")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "page", "bad-query");
            await (await api.GetAsync($"{list}?pageSize=201")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "pageSize", "bad-query");
            await (await api.GetAsync($"{list}?pageSize=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "pageSize", "bad-query");

            // The last page allowed, at the largest size, is simply empty.
            var last = await api.GetJsonAsync($"{list}?page=100000&pageSize=200");
            last["items"]!.AsArray().ShouldBeEmpty();
            last["page"]!.GetValue<int>().ShouldBe(100_000);
        }

        (await api.GetJsonAsync($"{Documents}?page=1"))["items"]!.AsArray().Count.ShouldBe(1);
    }

    /// <summary>
    /// Every query parameter of every API route, as the OpenAPI document lists them, with a value of
    /// the wrong kind: a problem naming it. A typed parameter added later is covered as it is added.
    /// </summary>
    [Fact]
    public async Task EveryRoute_QueryValueOfWrongKind_ProblemNamingTheParameter()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync();
        var api = tenant.Api();
        var ids = SampleIds.Random();
        var freeText = new HashSet<string> { "q" };
        var openApi = await app.ApiClient(null).GetJsonAsync("/openapi/v1.json");
        var failures = new List<string>();
        var checkedParameters = new List<string>();

        foreach (var route in ApiRoute.All.Where(r => r.Method != "DELETE"))
        {
            var operation = openApi["paths"]!.AsObject().Single(p => p.Key.TrimEnd('/') == route.Template).Value![route.Method.ToLowerInvariant()]!;
            var query = (operation["parameters"] as JsonArray ?? []).Where(p => p!["in"]!.GetValue<string>() == "query")
                .Select(p => p!["name"]!.GetValue<string>()).Where(n => !freeText.Contains(n));
            foreach (var name in query)
            {
                checkedParameters.Add($"{route} {name}");
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), $"{route.Sample(ids)}{(route.Sample(ids).Contains('?', StringComparison.Ordinal) ? '&' : '?')}{name}=junk%20value") { Content = route.SampleBody() };
                using var response = await api.SendAsync(request);
                try
                {
                    await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, name);
                }
                catch (Exception e)
                {
                    failures.Add($"{route} ?{name}=junk: {e.Message}");
                }
            }
        }

        checkedParameters.ShouldContain("POST /api/v1/inbox binderId");
        checkedParameters.ShouldContain("GET /api/v1/documents binderId");
        failures.ShouldBeEmpty();
    }

    private static void AppendPart(StringBuilder body, string name, string? fileName, string contentType, string content)
    {
        body.Append("--").Append(Boundary).Append("\r\n")
            .Append("Content-Disposition: form-data; name=\"").Append(name).Append('"');
        if (fileName is not null)
        {
            body.Append("; filename=\"").Append(fileName).Append('"');
        }

        body.Append("\r\nContent-Type: ").Append(contentType).Append("\r\n\r\n").Append(content).Append("\r\n");
    }

    private static ByteArrayContent Raw(string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        return content;
    }

    // Blobs live in ab/cd/<sha256>; tmp holds writes in progress.
    private static List<string> StoredBlobs(DocSyncApp app)
    {
        var root = Path.Combine(app.Folder, "blobs");
        return Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(Path.Combine(root, "tmp"), StringComparison.Ordinal)).ToList()
            : [];
    }
}
