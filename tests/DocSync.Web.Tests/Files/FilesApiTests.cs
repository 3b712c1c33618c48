using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DocSync.Core.Persistence;
using static DocSync.Web.Tests.Infrastructure.ApiRequests;

namespace DocSync.Web.Tests.Files;

/// <summary>Files over the API and the UI's file responses: paging, moves and their races, trash, zips, previews.</summary>
[Collection(WebCollection.Name)]
public sealed class FilesApiTests(Databases databases)
{
    private static ByteArrayContent Raw(string name, string contentType, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = name };
        return content;
    }

    private static async Task<JsonNode> UploadAsync(HttpClient api, Guid? folderId, string name, string contentType, byte[] bytes, bool keepBoth = false)
    {
        using var response = await api.PostAsync($"/api/v1/files?keepBoth={keepBoth}{(folderId is { } f ? $"&folderId={f}" : "")}", Raw(name, contentType, bytes));
        return await response.ShouldBeJsonAsync(HttpStatusCode.Created);
    }

    private static async Task<JsonNode> PostJsonAsync(HttpClient api, string url, JsonObject body, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await api.PostAsync(url, Json(body));
        return await response.ShouldBeJsonAsync(status);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Api_FoldersFilesMovesTrashAndZip_EndToEnd(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var tenant = await app.CreateTenantAsync();
        using var api = tenant.Api();

        var contracts = await PostJsonAsync(api, "/api/v1/folders", new JsonObject { ["name"] = "Contracts" }, HttpStatusCode.Created);
        var archive = await PostJsonAsync(api, "/api/v1/folders", new JsonObject { ["name"] = "Archive", ["parentId"] = contracts.Id().ToString() }, HttpStatusCode.Created);
        var lease = await UploadAsync(api, contracts.Id(), "Lease.pdf", "application/pdf", SampleDocuments.Pdf("lease"));
        await UploadAsync(api, contracts.Id(), "annex.txt", "text/plain", "annex"u8.ToArray());
        await (await api.PostAsync($"/api/v1/files?folderId={contracts.Id()}", Raw("LEASE.PDF", "application/pdf", [1]))).ShouldBeProblemAsync(HttpStatusCode.Conflict, code: "name-taken");
        (await UploadAsync(api, contracts.Id(), "LEASE.PDF", "application/pdf", SampleDocuments.Pdf("lease 2"), keepBoth: true))["fileName"]!.GetValue<string>().ShouldBe("LEASE (2).PDF");
        await (await api.PostAsync("/api/v1/files", Raw("invoice\u202Efdp.exe", "application/pdf", [1]))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "fileName");

        // Pages of one file: every file once, by name, then no next page.
        var names = new List<string>();
        string? after = null;
        do
        {
            var page = await api.GetJsonAsync($"/api/v1/folders/{contracts.Id()}?pageSize=1{(after is null ? "" : $"&after={after}")}");
            page["fileCount"]!.GetValue<int>().ShouldBe(3);
            names.AddRange(page["files"]!.AsArray().Select(f => f!["fileName"]!.GetValue<string>()));
            after = page["next"]?.GetValue<string>();
        }
        while (after is not null && names.Count < 10);
        names.ShouldBe(["annex.txt", "Lease.pdf", "LEASE (2).PDF"], ignoreOrder: true);
        await (await api.GetAsync($"/api/v1/folders/{contracts.Id()}?after=%25%25")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "after");

        // Two people move the same file from version 1: the second is told, not obeyed.
        var version = lease["version"]!.GetValue<int>();
        await PostJsonAsync(api, $"/api/v1/files/{lease.Id()}/move", new JsonObject { ["targetFolderId"] = archive.Id().ToString(), ["version"] = version });
        await (await api.PostAsync($"/api/v1/files/{lease.Id()}/move", Json(new JsonObject { ["targetFolderId"] = null, ["version"] = version })))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, code: "changed-meanwhile");
        await (await api.PostAsync($"/api/v1/folders/{contracts.Id()}/move", Json(new JsonObject { ["targetFolderId"] = archive.Id().ToString() })))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "targetFolderId");
        (await api.GetJsonAsync($"/api/v1/files/{lease.Id()}"))["folderId"]!.GetValue<Guid>().ShouldBe(archive.Id());
        var hits = (await api.GetJsonAsync("/api/v1/files/search?q=LEASE")).AsArray();
        hits.Select(h => h!["folderPath"]!.GetValue<string>()).ShouldBe(["Contracts", "Contracts/Archive"], ignoreOrder: true);

        // The folder as a zip: its files and its subfolder's, under the folder's name.
        using (var zipResponse = await api.GetAsync($"/api/v1/folders/{contracts.Id()}/zip"))
        {
            zipResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
            zipResponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
            zipResponse.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
            using var zip = new ZipArchive(new MemoryStream(await zipResponse.Content.ReadAsByteArrayAsync()));
            zip.Entries.Select(e => e.FullName).ShouldBe(["Contracts/annex.txt", "Contracts/LEASE (2).PDF", "Contracts/Archive/Lease.pdf"], ignoreOrder: true);
            using var annex = new StreamReader(zip.GetEntry("Contracts/annex.txt")!.Open());
            (await annex.ReadToEndAsync()).ShouldBe("annex");
        }

        // Deleted to the trash with its folder, restored where it was, purged when asked.
        using (var deleted = await api.DeleteAsync($"/api/v1/folders/{contracts.Id()}"))
        {
            deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        await (await api.GetAsync($"/api/v1/files/{lease.Id()}/content")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var trash = (await api.GetJsonAsync("/api/v1/files/trash")).AsArray().ShouldHaveSingleItem()!;
        (trash.Id(), trash["kind"]!.GetValue<string>(), trash["files"]!.GetValue<int>()).ShouldBe((contracts.Id(), "folder", 3));
        await PostJsonAsync(api, "/api/v1/folders", new JsonObject { ["name"] = "contracts" }, HttpStatusCode.Created);
        using (var restore = await api.PostAsync($"/api/v1/files/trash/{contracts.Id()}/restore", null))
        {
            (await restore.ShouldBeJsonAsync(HttpStatusCode.OK))["name"]!.GetValue<string>().ShouldBe("Contracts (restored)");
        }

        using (var content = await api.GetAsync($"/api/v1/files/{lease.Id()}/content"))
        {
            content.StatusCode.ShouldBe(HttpStatusCode.OK);
            content.Content.Headers.ContentType!.MediaType.ShouldBe("application/octet-stream");
            content.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
            (await content.Content.ReadAsByteArrayAsync()).ShouldBe(SampleDocuments.Pdf("lease"));
        }

        (await api.DeleteAsync($"/api/v1/files/{lease.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await api.DeleteAsync("/api/v1/files/trash")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await api.GetJsonAsync("/api/v1/files/trash")).AsArray().ShouldBeEmpty();
        await (await api.PostAsync($"/api/v1/files/trash/{lease.Id()}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Preview_PdfAndImageInlineSandboxed_HtmlAndSvgNeverInline()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync();
        using var api = tenant.Api();
        var pdf = await UploadAsync(api, null, "scan.pdf", "application/pdf", SampleDocuments.Pdf("scan"));
        var png = await UploadAsync(api, null, "photo.png", "image/png", RealFiles.Png());
        var html = await UploadAsync(api, null, "page.html", "text/html", "<script>alert(1)</script>"u8.ToArray());
        var svg = await UploadAsync(api, null, "logo.svg", "image/svg+xml", "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"u8.ToArray());
        using var ui = await UiClient.SignInAsync(app, tenant.OwnerEmail);

        foreach (var (file, type) in new[] { (pdf, "application/pdf"), (png, "image/png") })
        {
            using var response = await ui.Http.GetAsync($"/c/{tenant.CompanyId}/files?handler=preview&fileId={file.Id()}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe(type);
            response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
            response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
            response.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("sandbox;");
        }

        foreach (var file in new[] { html, svg })
        {
            using var response = await ui.Http.GetAsync($"/c/{tenant.CompanyId}/files?handler=preview&fileId={file.Id()}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/octet-stream");
            response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
            response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        }

        // The page itself offers a preview for the PDF and the image only.
        var page = await ui.Http.GetStringAsync($"/c/{tenant.CompanyId}/files");
        page.ShouldContain($"handler=preview&amp;fileId={pdf.Id()}");
        page.ShouldContain($"handler=preview&amp;fileId={png.Id()}");
        page.ShouldNotContain($"handler=preview&amp;fileId={html.Id()}");
        page.ShouldNotContain($"handler=preview&amp;fileId={svg.Id()}");
    }

    [Fact]
    public async Task Ui_UploadSeveralWithoutScript_ThenSelectionZip()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync();
        using var ui = await UiClient.SignInAsync(app, tenant.OwnerEmail);
        var token = await ui.TokenAsync($"/c/{tenant.CompanyId}/files");

        using var form = new MultipartFormDataContent { { new StringContent(token), UiClient.TokenField } };
        foreach (var (name, text) in new[] { ("a.txt", "first"), ("A.TXT", "second"), ("b.txt", "third") })
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(part, "files", name);
        }

        using var upload = await ui.Http.PostAsync($"/c/{tenant.CompanyId}/files?handler=upload", form);
        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        upload.Headers.Location!.OriginalString.ShouldContain("uploaded=3");
        var listed = (await tenant.Api().GetJsonAsync("/api/v1/files"))["files"]!.AsArray();
        listed.Select(f => f!["fileName"]!.GetValue<string>()).ShouldBe(["a.txt", "A (2).TXT", "b.txt"], ignoreOrder: true);

        using var selection = new FormUrlEncodedContent(
            listed.Select(f => new KeyValuePair<string, string>("selected", $"f:{f!.Id()}:{f!["version"]!.GetValue<int>()}"))
                .Append(new("action", "zip")).Append(new(UiClient.TokenField, token)));
        using var zipped = await ui.Http.PostAsync($"/c/{tenant.CompanyId}/files?handler=selection", selection);
        zipped.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var zip = new ZipArchive(new MemoryStream(await zipped.Content.ReadAsByteArrayAsync()));
        zip.Entries.Select(e => e.FullName).ShouldBe(["a.txt", "A (2).TXT", "b.txt"], ignoreOrder: true);
    }
}
