using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using DocSync.Core.Persistence;
using static DocSync.Web.Tests.Infrastructure.ApiRequests;

namespace DocSync.Web.Tests.Api;

[Collection(WebCollection.Name)]
public sealed class DocumentFilesApiTests(Databases databases)
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Download_File_ExactBytesContentTypeAndETag(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();
        var pdf = SampleDocuments.LargePdf(20_000);
        var csv = "artikel;aantal\nlamp;2\n"u8.ToArray();
        var created = await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice(),
            files: [SampleDocuments.File("pdf", "F2026-0001.pdf", "application/pdf", pdf), SampleDocuments.File("attachment", "lijst.csv", "text/csv", csv)]));
        var files = created["files"]!.AsArray();
        var pdfFile = files.Single(f => f!["kind"]!.GetValue<string>() == "pdf")!;
        var csvFile = files.Single(f => f!["kind"]!.GetValue<string>() == "attachment")!;

        using var response = await api.GetAsync($"{Documents}/{created.Id()}/files/{pdfFile.Id()}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentLength.ShouldBe(pdf.Length);
        response.Headers.ETag.ShouldBe(new EntityTagHeaderValue($"\"{pdfFile["sha256"]!.GetValue<string>()}\""));
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("F2026-0001.pdf");
        response.Headers.AcceptRanges.ShouldContain("bytes");

        using var other = await api.GetAsync($"{Documents}/{created.Id()}/files/{csvFile.Id()}");
        (await other.Content.ReadAsByteArrayAsync()).ShouldBe(csv);
        other.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Download_RangeAndIfNoneMatch_PartialContentAndNotModified(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();
        var pdf = SampleDocuments.LargePdf(10_000);
        var created = await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice(),
            files: SampleDocuments.File("pdf", "invoice.pdf", "application/pdf", pdf)));
        var url = $"{Documents}/{created.Id()}/files/{created["files"]![0]!.Id()}";

        using var head = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(0, 4) } };
        using var first = await api.SendAsync(head);
        using var tail = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(9_000, null) } };
        using var last = await api.SendAsync(tail);

        first.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await first.Content.ReadAsStringAsync()).ShouldBe("%PDF-");
        first.Content.Headers.ContentRange!.ToString().ShouldBe($"bytes 0-4/{pdf.Length}");
        last.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await last.Content.ReadAsByteArrayAsync()).ShouldBe(pdf[9_000..]);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var unchanged = await api.SendAsync(conditional);
        unchanged.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_UnicodeFileNames_AcceptedAndRoundTripExactly(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();
        string[] names = ["Facture – été №5.pdf", "請求書.pdf", "Ünïcödé € ½ 🧾.txt"];

        var json = await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("U-1"),
            files: [.. names.Select(n => SampleDocuments.File("attachment", n, "application/octet-stream", SampleDocuments.Pdf(n)))]));
        using var multipartResponse = await api.PostDocumentAsync(Multipart(SampleDocuments.Body(SampleDocuments.Invoice("U-2")),
            [.. names.Select(n => ("attachment", n, "application/octet-stream", SampleDocuments.Pdf(n)))]));
        var multipart = await multipartResponse.ShouldBeJsonAsync(HttpStatusCode.Created);

        foreach (var document in new[] { json, multipart })
        {
            var attachments = document["files"]!.AsArray().Where(f => f!["kind"]!.GetValue<string>() == "attachment").ToList();
            attachments.Select(f => f!["fileName"]!.GetValue<string>()).Order(StringComparer.Ordinal).ShouldBe(names.Order(StringComparer.Ordinal));
            foreach (var file in attachments)
            {
                var name = file!["fileName"]!.GetValue<string>();
                using var download = await api.GetAsync($"{Documents}/{document.Id()}/files/{file.Id()}");
                download.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe(name);
                (await download.Content.ReadAsByteArrayAsync()).ShouldBe(SampleDocuments.Pdf(name));
            }
        }
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_HostileFileNames_ProblemNamingFileNameAndNothingWritten(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();
        string[] names =
        [
            "../../etc/passwd", "..", ".", "a\\b.pdf", "/etc/passwd.pdf", "C:\\Windows\\win.ini", "nul\0byte.pdf", "bell\u0007.pdf",
            "line\nbreak.pdf", "tab\t.pdf", "del\u007f.pdf", new string('a', 296) + ".pdf", " leading.pdf", "trailing.pdf ", "", "   ",
        ];

        foreach (var name in names)
        {
            using var response = await api.PostDocumentAsync(Json(SampleDocuments.Body(SampleDocuments.Invoice(),
                files: [SampleDocuments.PdfFile(), SampleDocuments.File("attachment", name, "application/pdf", SampleDocuments.Pdf())])));
            await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "files[1].fileName", "validation");
        }

        using var multipart = await api.PostDocumentAsync(Multipart(SampleDocuments.Body(SampleDocuments.Invoice()),
            ("attachment", "../../etc/passwd", "text/plain", "root:x:0:0"u8.ToArray())));
        await multipart.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "files[0].fileName");
        (await api.CountDocumentsAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_FileNameWithBidiOverride_ProblemNamingFileName(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();

        // Shown as "invoiceexe.pdf", this is a Windows program named invoice<RLO>fdp.exe.
        using var response = await api.PostDocumentAsync(Json(SampleDocuments.Body(SampleDocuments.Invoice(),
            files: SampleDocuments.File("attachment", "invoice\u202Efdp.exe", "application/octet-stream", "MZ\u0090\0"u8.ToArray()))));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "files[0].fileName");
        (await api.CountDocumentsAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_BytesNotMatchingKindOrExtension_ProblemNamingContentAndNothingWritten(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();
        (string Case, JsonObject File, string Field)[] cases =
        [
            ("PNG named .pdf", SampleDocuments.File("attachment", "scan.pdf", "application/pdf", SampleDocuments.Png()), "files[0].content"),
            ("kind pdf, text bytes", SampleDocuments.File("pdf", "invoice.pdf", "application/pdf", "not a pdf"u8.ToArray()), "files[0].content"),
            ("kind pdf, PNG named .png", SampleDocuments.File("pdf", "invoice.png", "image/png", SampleDocuments.Png()), "files[0].content"),
            ("kind ubl, PDF bytes", SampleDocuments.File("ubl", "invoice.xml", "application/xml", SampleDocuments.Pdf()), "files[0].content"),
            ("empty file", SampleDocuments.File("attachment", "empty.txt", "text/plain", []), "files[0].content"),
            ("empty pdf", SampleDocuments.File("pdf", "empty.pdf", "application/pdf", []), "files[0].content"),
            ("unknown kind", SampleDocuments.File("spreadsheet", "a.txt", "text/plain", "x"u8.ToArray()), "files[0].kind"),
            ("bad media type", SampleDocuments.File("attachment", "a.txt", "text plain", "x"u8.ToArray()), "files[0].contentType"),
            ("two PDFs", SampleDocuments.PdfFile("a.pdf"), "files"),
        ];

        foreach (var (name, file, field) in cases)
        {
            JsonObject[] files = name == "two PDFs" ? [file, SampleDocuments.PdfFile("b.pdf", "other")] : [file];
            using var response = await api.PostDocumentAsync(Json(SampleDocuments.Body(SampleDocuments.Invoice(), files: files)));
            var problem = await response.ShouldBeProblemAsync(field == "files[0].kind" ? HttpStatusCode.BadRequest : HttpStatusCode.UnprocessableEntity);
            ApiAssertions.Fields(problem).ShouldContain(field, $"{name}: {problem.ToJsonString()}");
        }

        using var emptyPart = await api.PostDocumentAsync(Multipart(SampleDocuments.Body(SampleDocuments.Invoice()), ("pdf", "invoice.pdf", "application/pdf", [])));
        await emptyPart.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "files[0].content");
        using var pngPart = await api.PostDocumentAsync(Multipart(SampleDocuments.Body(SampleDocuments.Invoice()), ("attachment", "scan.pdf", "application/pdf", SampleDocuments.Png())));
        var mismatch = await pngPart.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "files[0].content");
        mismatch.ToJsonString().ShouldContain("PNG");
        (await api.CountDocumentsAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_InvalidBase64_ProblemNamingContentBase64(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var api = (await app.CreateTenantAsync()).Api();
        var file = SampleDocuments.PdfFile();
        file["contentBase64"] = "JVBERi0x%%%not base64";

        using var response = await api.PostDocumentAsync(Json(SampleDocuments.Body(SampleDocuments.Invoice(), files: file)));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "files[0].contentBase64");
        (await api.CountDocumentsAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_BodyOverUploadLimit_PayloadTooLargeAndNothingWritten(DatabaseProvider provider)
    {
        const int limit = 64 * 1024;
        await using var app = await DocSyncApp.StartAsync(databases, provider, new Dictionary<string, string?> { ["DocSync:Web:MaxUploadBytes"] = $"{limit}" });
        var api = (await app.CreateTenantAsync()).Api();
        var small = await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("S-1"),
            files: SampleDocuments.File("pdf", "small.pdf", "application/pdf", SampleDocuments.LargePdf(limit / 2))));
        var large = SampleDocuments.LargePdf(limit + 1024);

        using var json = await api.PostDocumentAsync(Json(SampleDocuments.Body(SampleDocuments.Invoice("L-1"),
            files: SampleDocuments.File("pdf", "large.pdf", "application/pdf", large))));
        using var multipart = await api.PostDocumentAsync(Multipart(SampleDocuments.Body(SampleDocuments.Invoice("L-2")), ("pdf", "large.pdf", "application/pdf", large)));
        using var update = await api.PutDocumentAsync(small.Id(), Multipart(SampleDocuments.Body(SampleDocuments.Invoice("S-1")), ("attachment", "large.pdf", "application/pdf", large)));

        await json.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, code: "too-large");
        await multipart.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, code: "too-large");
        await update.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, code: "too-large");
        (await api.CountDocumentsAsync()).ShouldBe(1);
        (await api.GetJsonAsync($"{Documents}/{small.Id()}"))["version"]!.GetValue<int>().ShouldBe(1);
    }
}
