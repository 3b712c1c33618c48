using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using DocSync.Core.Persistence;
using static DocSync.Web.Tests.Infrastructure.ApiRequests;

namespace DocSync.Web.Tests.Api;

[Collection(WebCollection.Name)]
public sealed class DocumentsApiTests(Databases databases)
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_JsonWithInlinePdf_CreatedWithLocationETagAndFiles(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();
        var pdf = SampleDocuments.Pdf("F2026-0001");

        using var response = await api.PostDocumentAsync(Json(SampleDocuments.Body(SampleDocuments.Invoice(),
            files: SampleDocuments.File("pdf", "F2026-0001.pdf", "application/pdf", pdf))));

        var created = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = created.Id();
        response.Headers.Location!.OriginalString.ShouldBe($"/api/v1/documents/{id}");
        response.Headers.ETag.ShouldBe(new EntityTagHeaderValue("\"1\""));
        created["version"]!.GetValue<int>().ShouldBe(1);
        created["currentVersion"]!.GetValue<int>().ShouldBe(1);
        created["status"]!.GetValue<string>().ShouldBe("draft");
        created["content"]!["type"]!.GetValue<string>().ShouldBe("invoice");
        created["content"]!["number"]!.GetValue<string>().ShouldBe("F2026-0001");
        created["content"]!["issueDate"]!.GetValue<string>().ShouldBe("2026-11-30");
        created["content"]!["totals"]!["totalInclVat"]!.GetValue<decimal>().ShouldBe(496.61m);
        var file = created["files"]!.AsArray().ShouldHaveSingleItem()!;
        file["kind"]!.GetValue<string>().ShouldBe("pdf");
        file["fileName"]!.GetValue<string>().ShouldBe("F2026-0001.pdf");
        file["contentType"]!.GetValue<string>().ShouldBe("application/pdf");
        file["length"]!.GetValue<long>().ShouldBe(pdf.Length);
        file["sha256"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
        file["generated"]!.GetValue<bool>().ShouldBeFalse();
        (await api.GetJsonAsync(response.Headers.Location.OriginalString)).Id().ShouldBe(id);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_MultipartWithPdfAndAttachment_CreatedWithBothFiles(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();
        var pdf = SampleDocuments.Pdf("multipart");
        var attachment = "Bestelbon 17\nLevering dinsdag\n"u8.ToArray();

        using var response = await api.PostDocumentAsync(Multipart(SampleDocuments.Body(SampleDocuments.Invoice("F2026-0002")),
            ("pdf", "F2026-0002.pdf", "application/pdf", pdf),
            ("attachment", "bestelbon.txt", "text/plain", attachment)));

        var created = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        response.Headers.Location.ShouldNotBeNull();
        var files = created["files"]!.AsArray();
        files.Count.ShouldBe(2);
        var sent = files.Single(f => f!["kind"]!.GetValue<string>() == "pdf")!;
        sent["fileName"]!.GetValue<string>().ShouldBe("F2026-0002.pdf");
        sent["length"]!.GetValue<long>().ShouldBe(pdf.Length);
        var attached = files.Single(f => f!["kind"]!.GetValue<string>() == "attachment")!;
        attached["fileName"]!.GetValue<string>().ShouldBe("bestelbon.txt");
        attached["contentType"]!.GetValue<string>().ShouldBe("text/plain");
        (await api.GetByteArrayAsync($"{Documents}/{created.Id()}/files/{attached.Id()}")).ShouldBe(attachment);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_WithoutPdf_DocSyncRendersOne(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();

        var created = await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("F2026-0003")));

        var pdf = created["files"]!.AsArray().ShouldHaveSingleItem()!;
        pdf["kind"]!.GetValue<string>().ShouldBe("pdf");
        pdf["generated"]!.GetValue<bool>().ShouldBeTrue();
        pdf["contentType"]!.GetValue<string>().ShouldBe("application/pdf");
        var bytes = await api.GetByteArrayAsync($"{Documents}/{created.Id()}/files/{pdf.Id()}");
        bytes.Length.ShouldBe((int)pdf["length"]!.GetValue<long>());
        bytes.AsSpan().StartsWith("%PDF-"u8).ShouldBeTrue();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_FiltersAndPaging_OnlyMatchingDocumentsNewestFirst(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var tenant = await app.CreateTenantAsync();
        var api = tenant.Api();
        var binder = await tenant.CreateBinderAsync("Verkoop 2026");
        var a = await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("A-1", issueDate: "2026-01-15"), binderId: binder));
        var b = await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("A-2", issueDate: "2026-02-15", buyer: "Brasserie Zénith"), status: "sent"));
        var c = await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("C-1", type: "creditNote", issueDate: "2026-03-15"), binderId: binder));
        var d = await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("A-3", issueDate: "2026-04-15", seller: "Zénith Import NV"), status: "paid"));

        async Task<List<Guid>> Ids(string query)
        {
            var page = await api.GetJsonAsync($"{Documents}?{query}");
            return page["items"]!.AsArray().Select(i => i!.Id()).ToList();
        }

        (await Ids("")).ShouldBe([d.Id(), c.Id(), b.Id(), a.Id()]);
        (await Ids("type=creditNote")).ShouldBe([c.Id()]);
        (await Ids("type=invoice&status=sent")).ShouldBe([b.Id()]);
        (await Ids("status=paid")).ShouldBe([d.Id()]);
        (await Ids("binderId=" + binder)).ShouldBe([c.Id(), a.Id()]);
        (await Ids("issuedFrom=2026-02-15&issuedTo=2026-03-15")).ShouldBe([c.Id(), b.Id()]);
        (await Ids("q=a-")).ShouldBe([d.Id(), b.Id(), a.Id()]);
        (await Ids("q=z%C3%A9NITH")).ShouldBe([d.Id(), b.Id()]);
        (await Ids("q=nowhere")).ShouldBeEmpty();

        var page2 = await api.GetJsonAsync($"{Documents}?page=2&pageSize=3");
        page2["page"]!.GetValue<int>().ShouldBe(2);
        page2["pageSize"]!.GetValue<int>().ShouldBe(3);
        page2["totalCount"]!.GetValue<int>().ShouldBe(4);
        page2["items"]!.AsArray().Select(i => i!.Id()).ShouldBe([a.Id()]);
        var summary = (await api.GetJsonAsync($"{Documents}?q=C-1"))["items"]![0]!;
        summary["number"]!.GetValue<string>().ShouldBe("C-1");
        summary["type"]!.GetValue<string>().ShouldBe("creditNote");
        summary["sellerName"]!.GetValue<string>().ShouldBe(SampleDocuments.SellerName);
        summary["totalInclVat"]!.GetValue<decimal>().ShouldBe(496.61m);
        summary["binderId"]!.GetValue<Guid>().ShouldBe(binder);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_SearchAccentedNameInOtherCase_FindsTheDocument(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();
        var created = await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("E-1", seller: "ÉCOLE Saint-Luc ASBL")));

        var page = await api.GetJsonAsync($"{Documents}?q={Uri.EscapeDataString("école saint")}");

        page["items"]!.AsArray().Select(i => i!.Id()).ShouldBe([created.Id()]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_PageOutOfRange_ProblemNamingTheParameter(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();

        // Larger pages are refused, not silently clamped: a client paging by its own size must not skip items.
        await (await api.GetAsync($"{Documents}?pageSize=201")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "pageSize");
        await (await api.GetAsync($"{Documents}?pageSize=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "pageSize");
        await (await api.GetAsync($"{Documents}?page=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "page");
        (await api.GetJsonAsync($"{Documents}?pageSize=200"))["pageSize"]!.GetValue<int>().ShouldBe(200);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Get_ExistingDocument_CurrentVersionWithETag(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();
        var created = await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice(note: "Betaling binnen 30 dagen."), status: "final"));

        using var response = await api.GetAsync($"{Documents}/{created.Id()}");

        var document = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        response.Headers.ETag.ShouldBe(new EntityTagHeaderValue("\"1\""));
        document.ToJsonString().ShouldBe(created.ToJsonString());
        document["status"]!.GetValue<string>().ShouldBe("final");
        document["content"]!["note"]!.GetValue<string>().ShouldBe("Betaling binnen 30 dagen.");
        document["content"]!["lines"]![1]!["unitPrice"]!.GetValue<decimal>().ShouldBe(12.335m);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Update_WithIfMatch_NewVersionAndOldVersionKeptAsItWas(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();
        var oldAttachment = "v1 bijlage"u8.ToArray();
        var created = await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("F2026-0010"),
            files: [SampleDocuments.PdfFile("F2026-0010.pdf", "v1"), SampleDocuments.File("attachment", "v1.txt", "text/plain", oldAttachment)]));
        var id = created.Id();
        var oldFile = created["files"]!.AsArray().Single(f => f!["kind"]!.GetValue<string>() == "attachment")!.Id();
        var update = SampleDocuments.Body(SampleDocuments.Invoice("F2026-0010", note: "Gecorrigeerd adres"), status: "final",
            files: SampleDocuments.File("attachment", "v2.txt", "text/plain", "v2 bijlage"u8.ToArray()));
        update["removeFileIds"] = new JsonArray(oldFile);

        using var response = await api.PutDocumentAsync(id, Json(update), "\"1\"");

        var updated = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        response.Headers.ETag.ShouldBe(new EntityTagHeaderValue("\"2\""));
        updated["version"]!.GetValue<int>().ShouldBe(2);
        updated["status"]!.GetValue<string>().ShouldBe("final");
        updated["content"]!["note"]!.GetValue<string>().ShouldBe("Gecorrigeerd adres");
        updated["files"]!.AsArray().Select(f => f!["fileName"]!.GetValue<string>()).Order().ShouldBe(["F2026-0010.pdf", "v2.txt"]);

        var versions = (await api.GetJsonAsync($"{Documents}/{id}/versions")).AsArray();
        versions.Select(v => v!["number"]!.GetValue<int>()).ShouldBe([1, 2]);
        versions.Select(v => v!["status"]!.GetValue<string>()).ShouldBe(["draft", "final"]);
        versions.ShouldAllBe(v => v!["createdBy"]!.GetValue<string>().StartsWith("api-key:", StringComparison.Ordinal) && v["createdByName"]!.GetValue<string>() == "tests");

        var first = await api.GetJsonAsync($"{Documents}/{id}/versions/1");
        first["version"]!.GetValue<int>().ShouldBe(1);
        first["currentVersion"]!.GetValue<int>().ShouldBe(2);
        first["status"]!.GetValue<string>().ShouldBe("draft");
        first["content"]!["note"].ShouldBeNull();
        first["files"]!.AsArray().Select(f => f!["fileName"]!.GetValue<string>()).Order().ShouldBe(["F2026-0010.pdf", "v1.txt"]);
        (await api.GetByteArrayAsync($"{Documents}/{id}/files/{oldFile}")).ShouldBe(oldAttachment);
        (await api.GetJsonAsync($"{Documents}/{id}"))["version"]!.GetValue<int>().ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Update_SameContentAgain_NoNewVersion(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();
        var body = SampleDocuments.Body(SampleDocuments.Invoice("F2026-0011"), files: SampleDocuments.PdfFile());
        var created = await api.CreateDocumentAsync(body);
        body.Remove("files");

        using var response = await api.PutDocumentAsync(created.Id(), Json(body), "\"1\"");

        (await response.ShouldBeJsonAsync(HttpStatusCode.OK))["version"]!.GetValue<int>().ShouldBe(1);
        response.Headers.ETag.ShouldBe(new EntityTagHeaderValue("\"1\""));
        (await api.GetJsonAsync($"{Documents}/{created.Id()}/versions")).AsArray().Count.ShouldBe(1);
    }
}
