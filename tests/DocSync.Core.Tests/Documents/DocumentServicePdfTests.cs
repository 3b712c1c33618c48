using DocSync.Core.Documents;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using DocSync.Core.Tests.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Documents;

[Collection(DatabaseCollection.Name)]
public sealed class DocumentServicePdfTests(DatabaseFixture fixture)
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_NoPdf_StoresOneGeneratedPdfOfTheContent(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();

        var created = (await documents.CreateAsync(new CreateDocumentRequest
        {
            Content = SampleDocuments.Invoice("F2025/0001 (copy)"),
            Files = [new DocumentFileUpload(DocumentFileKind.Ubl, "ubl.xml", "application/xml", new MemoryStream("<Invoice/>"u8.ToArray()))],
        })).Document;

        created.Files.Count.ShouldBe(2);
        var pdf = created.Files.Single(f => f.Kind == DocumentFileKind.Pdf);
        (pdf.FileName, pdf.ContentType, pdf.Generated).ShouldBe(("F2025-0001--copy-.pdf", "application/pdf", true));
        created.Files.Single(f => f.Kind == DocumentFileKind.Ubl).Generated.ShouldBeFalse();
        var text = await Poppler.TextAsync(await ReadAsync(documents, created.Id, pdf.Id));
        text.Error.ShouldBeEmpty();
        text.Output.ShouldContain("F2025/0001 (copy)");
        text.Output.ShouldContain("Facture");
        text.Output.ShouldContain("496,61 €");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_HostPdf_RendersNothing(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());

        var created = (await unit.ServiceProvider.GetRequiredService<DocumentService>().CreateAsync(new CreateDocumentRequest
        {
            Content = SampleDocuments.Invoice(),
            Files = [new DocumentFileUpload(DocumentFileKind.Pdf, "host.pdf", "application/pdf", new MemoryStream(SampleDocuments.Pdf()))],
        })).Document;

        var pdf = created.Files.ShouldHaveSingleItem();
        (pdf.FileName, pdf.Generated).ShouldBe(("host.pdf", false));
        BlobCount(host).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateAsync_ContentChanged_RendersFreshPdfAndVersionOneKeepsItsOwn(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
        var created = (await documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice() })).Document;
        host.Time.Advance(TimeSpan.FromMinutes(5));

        var updated = await documents.UpdateAsync(created.Id, new UpdateDocumentRequest { Content = SampleDocuments.Invoice("F2025-0001-B") });

        var oldPdf = created.Files.ShouldHaveSingleItem();
        var newPdf = updated.Files.ShouldHaveSingleItem();
        (newPdf.Kind, newPdf.Generated, newPdf.FileName).ShouldBe((DocumentFileKind.Pdf, true, "F2025-0001-B.pdf"));
        newPdf.Id.ShouldNotBe(oldPdf.Id);
        newPdf.Sha256.ShouldNotBe(oldPdf.Sha256);
        (await documents.GetVersionAsync(created.Id, 1)).Files.ShouldHaveSingleItem().Id.ShouldBe(oldPdf.Id);
        (await Poppler.TextAsync(await ReadAsync(documents, created.Id, newPdf.Id))).Output.ShouldContain("F2025-0001-B");
        (await Poppler.TextAsync(await ReadAsync(documents, created.Id, oldPdf.Id))).Output.ShouldNotContain("F2025-0001-B");
        var rows = await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().DocumentFiles.AsNoTracking().OrderBy(f => f.AddedInVersion).ToListAsync();
        rows.Select(f => (f.AddedInVersion, f.RemovedInVersion)).ShouldBe([(1, (int?)2), (2, (int?)null)]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateAsync_StatusOnly_KeepsGeneratedPdf(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
        var created = (await documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice() })).Document;
        host.Time.Advance(TimeSpan.FromMinutes(5));

        var updated = await documents.UpdateAsync(created.Id, new UpdateDocumentRequest { Content = SampleDocuments.Invoice(), Status = DocumentStatus.Sent });

        updated.Version.ShouldBe(2);
        updated.Files.ShouldHaveSingleItem().Id.ShouldBe(created.Files[0].Id);
        BlobCount(host).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateAsync_HostSendsPdf_ReplacesGeneratedOne(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
        var created = (await documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice() })).Document;

        var updated = await documents.UpdateAsync(created.Id, new UpdateDocumentRequest
        {
            Content = SampleDocuments.Invoice("F2025-0001-B"),
            AddFiles = [new DocumentFileUpload(DocumentFileKind.Pdf, "host.pdf", "application/pdf", new MemoryStream(SampleDocuments.Pdf()))],
        });

        var pdf = updated.Files.ShouldHaveSingleItem();
        (pdf.FileName, pdf.Generated).ShouldBe(("host.pdf", false));
        (await documents.GetVersionAsync(created.Id, 1)).Files.ShouldHaveSingleItem().Generated.ShouldBeTrue();
        BlobCount(host).ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateAsync_HostRemovesItsPdf_VersionGetsGeneratedOne(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
        var created = (await documents.CreateAsync(new CreateDocumentRequest
        {
            Content = SampleDocuments.Invoice(),
            Files = [new DocumentFileUpload(DocumentFileKind.Pdf, "host.pdf", "application/pdf", new MemoryStream(SampleDocuments.Pdf()))],
        })).Document;

        var updated = await documents.UpdateAsync(created.Id, new UpdateDocumentRequest
        {
            Content = SampleDocuments.Invoice(),
            RemoveFileIds = [created.Files[0].Id],
        });

        var pdf = updated.Files.ShouldHaveSingleItem();
        (pdf.FileName, pdf.Generated).ShouldBe(("F2025-0001.pdf", true));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_ReplayedIdempotencyKey_RendersNoSecondPdf(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
        var first = await documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice(), IdempotencyKey = "order-42" });

        // A later clock would give a second rendering other bytes, so another blob.
        host.Time.Advance(TimeSpan.FromHours(1));
        var again = await documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice(), IdempotencyKey = "order-42" });

        again.Replayed.ShouldBeTrue();
        again.Document.Files.ShouldHaveSingleItem().Id.ShouldBe(first.Document.Files.ShouldHaveSingleItem().Id);
        BlobCount(host).ShouldBe(1);
        (await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().DocumentFiles.CountAsync()).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_ExtensionContradictsBytes_RefusesAndWritesNoRow(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

        var refused = await Should.ThrowAsync<Errors.ValidationFailedException>(() => documents.CreateAsync(new CreateDocumentRequest
        {
            Content = SampleDocuments.Invoice(),
            Files =
            [
                new DocumentFileUpload(DocumentFileKind.Attachment, "photo.png", "image/png", new MemoryStream(png)),
                new DocumentFileUpload(DocumentFileKind.Attachment, "contract.pdf", "application/pdf", new MemoryStream(png)),
                new DocumentFileUpload(DocumentFileKind.Attachment, "empty.pdf", "application/pdf", new MemoryStream()),
                new DocumentFileUpload(DocumentFileKind.Ubl, "ubl.json", "application/xml", new MemoryStream("<Invoice/>"u8.ToArray())),
                new DocumentFileUpload(DocumentFileKind.Attachment, "notes.txt", "text/plain", new MemoryStream(png)),
            ],
        }));

        refused.Errors.Select(e => (e.Field, e.Code, e.Message)).ShouldBe(
        [
            ("files[1].content", "content-mismatch", "The file is named .pdf but its bytes are a PNG image."),
            ("files[2].content", "empty", "The file is empty."),
            ("files[3].content", "content-mismatch", "The file is named .json but its bytes are XML or HTML markup."),
        ]);
        var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        (await db.Documents.CountAsync()).ShouldBe(0);
        (await db.DocumentFiles.CountAsync()).ShouldBe(0);
        (await db.DocumentVersions.CountAsync()).ShouldBe(0);
        (await db.OutboxMessages.CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateAsync_AddedFileContradictsExtension_RefusesAndKeepsVersion(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
        var created = (await documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice() })).Document;

        var refused = await Should.ThrowAsync<Errors.ValidationFailedException>(() => documents.UpdateAsync(created.Id, new UpdateDocumentRequest
        {
            Content = SampleDocuments.Invoice("B"),
            AddFiles = [new DocumentFileUpload(DocumentFileKind.Attachment, "scan.jpg", "image/jpeg", new MemoryStream(SampleDocuments.Pdf()))],
        }));

        refused.Errors.ShouldHaveSingleItem().ShouldBe(new DocSync.Core.Validation.ValidationError(
            "addFiles[0].content", "content-mismatch", "The file is named .jpg but its bytes are a PDF document."));
        (await documents.GetAsync(created.Id)).Version.ShouldBe(1);
        (await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().DocumentFiles.CountAsync()).ShouldBe(1);
    }

    private static async Task<byte[]> ReadAsync(DocumentService documents, Guid documentId, Guid fileId)
    {
        var (_, content) = await documents.OpenFileAsync(documentId, fileId);
        await using (content)
        {
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    // Stored blobs, the temporary folder aside.
    private static int BlobCount(TestHost host) =>
        Directory.EnumerateFiles(host.BlobRoot, "*", SearchOption.AllDirectories)
            .Count(f => !Path.GetRelativePath(host.BlobRoot, f).StartsWith("tmp", StringComparison.Ordinal));
}
