using DocSync.Core.Access;
using DocSync.Core.Demo;
using DocSync.Core.Documents;
using DocSync.Core.Export.Ubl;
using DocSync.Core.Persistence;
using DocSync.Core.Reading;
using DocSync.Core.Reading.EInvoices;
using DocSync.Core.Tests.Export.Ubl;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Tests.Reading.EInvoices;

/// <summary>The reader every file goes through (uploads, API, collection) reads e-invoices exactly.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class DocumentReaderEInvoiceTests(DatabaseFixture fixture) : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("docsync-einvoice-tests-").FullName;

    public void Dispose()
    {
        Directory.GetFileSystemEntries(_temp).ShouldBeEmpty();
        Directory.Delete(_temp, recursive: true);
    }

    [Theory]
    [InlineData("KM-2026-0117.xml")]
    [InlineData("invoice")]
    [InlineData("scan.pdf")]
    public async Task ReadAsync_UblFile_IsReadAsAnEInvoiceWhateverItsName(string name)
    {
        var result = await ReadAsync(EInvoiceSamples.Bytes(EInvoiceSamples.Ubl), name);

        result.Outcome.ShouldBe(ReadOutcome.Read);
        result.Method.ShouldBe("e-invoice");
        result.EInvoice.ShouldNotBeNull().Content.Lines.Count.ShouldBe(2);
        result.Fields.Total.ShouldBe(new ExtractedField("176.69", 1.0));
        result.Fields.SupplierName!.Value.ShouldBe("Koffiebranderij Mertens");
        result.Text.ShouldContain("Espresso blend");
        result.Problem.ShouldBeNull();
    }

    [Fact]
    public async Task ReadAsync_UblWithABom_IsRead()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(EInvoiceSamples.Bytes(EInvoiceSamples.Ubl)).ToArray();

        (await ReadAsync(bytes, "f.xml")).EInvoice.ShouldNotBeNull();
    }

    [Fact]
    public async Task ReadAsync_XmlThatIsNoInvoice_SaysWhatDocSyncReads()
    {
        var result = await ReadAsync("<?xml version=\"1.0\"?><catalog><book/></catalog>"u8.ToArray(), "catalog.xml");

        result.Outcome.ShouldBe(ReadOutcome.Unsupported);
        result.EInvoice.ShouldBeNull();
        result.Problem.ShouldNotBeNull().ShouldContain("UBL 2.1");
        result.Problem.ShouldContain("'catalog'");
    }

    [Fact]
    public async Task ReadAsync_XmlWithAnExternalEntity_IsRefusedAndNothingIsFetched()
    {
        var secret = Path.Combine(_temp, "..", "docsync-xxe-" + Guid.NewGuid().ToString("N") + ".txt");
        await File.WriteAllTextAsync(secret, "SECRET-CONTENT");
        try
        {
            var xml = $"<?xml version=\"1.0\"?><!DOCTYPE Invoice [<!ENTITY x SYSTEM \"file://{secret}\">]><Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><ID>&x;</ID></Invoice>";

            var result = await ReadAsync(System.Text.Encoding.UTF8.GetBytes(xml), "evil.xml");

            result.Outcome.ShouldBe(ReadOutcome.Corrupt);
            result.Problem.ShouldNotBeNull().ShouldContain("DTD");
            result.Text.ShouldNotContain("SECRET");
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public async Task ReadAsync_PdfWithFacturX_TakesTheFieldsFromItsXml()
    {
        var pdf = PdfWithAttachment.Build("Invoice KM-2026-0117 from Koffiebranderij Mertens, total 999.99 (a wrong printed total)", "factur-x.xml",
            EInvoiceSamples.Bytes(EInvoiceSamples.Cii));

        var result = await ReadAsync(pdf, "KM-2026-0117.pdf");

        result.Outcome.ShouldBe(ReadOutcome.Read);
        result.Method.ShouldBe("e-invoice");
        result.EInvoice.ShouldNotBeNull().Format.ShouldBe(EInvoiceFormat.Cii);
        result.Fields.Total!.Value.ShouldBe("176.69");
        result.Fields.InvoiceNumber!.Value.ShouldBe("KM-2026-0117");
        result.Text.ShouldContain("Koffiebranderij Mertens");
    }

    [Fact]
    public async Task ReadAsync_PdfWithEmbeddedUbl_IsReadToo()
    {
        var pdf = PdfWithAttachment.Build("Invoice KM-2026-0117 from Koffiebranderij Mertens to Brasserie De Gouden Leeuw", "KM-2026-0117.xml",
            EInvoiceSamples.Bytes(EInvoiceSamples.Ubl));

        var result = await ReadAsync(pdf, "KM-2026-0117.pdf");

        result.EInvoice.ShouldNotBeNull().Format.ShouldBe(EInvoiceFormat.Ubl);
        result.EInvoice.AttachmentName.ShouldBe("KM-2026-0117.xml");
    }

    [Fact]
    public async Task DemoInvoices_WrittenAsUbl_ReadBackToTheSameDocuments()
    {
        await using var host = await TestHost.StartAsync(fixture, DocSync.Core.Persistence.DatabaseProvider.Sqlite);
        var existing = await host.NewCompanyAsync();
        Guid companyId;
        await using (var unit = host.Scope())
        {
            companyId = (await unit.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(existing.Actor.Id)).Id;
        }

        await using var check = host.Scope(CompanyScope.System(companyId));
        var versions = await check.ServiceProvider.GetRequiredService<DocSyncDbContext>().DocumentVersions.AsNoTracking().ToListAsync();
        var invoices = versions.Select(v => v.Content).Where(c => UblWriter.Supports(c.Type)).ToList();
        invoices.Count.ShouldBeGreaterThan(20);
        foreach (var content in invoices)
        {
            var read = await ReadAsync(UblWriter.Write(content), content.Number + ".xml");

            read.EInvoice.ShouldNotBeNull(content.Number).Violations.ShouldBeEmpty(UblXml.Describe(read.EInvoice.Violations));
            EInvoiceRoundTrip.ShouldMatch(read.EInvoice, content);
            read.Fields.Total!.Value.ShouldBe(Math.Abs(content.Totals.TotalInclVat).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private async Task<ReadResult> ReadAsync(byte[] file, string name)
    {
        using var stream = new MemoryStream(file);
        var reader = new DocumentReader(Options.Create(new ReadingOptions { TempPath = _temp, Dpi = 150 }), NullLogger<DocumentReader>.Instance);
        return await reader.ReadAsync(stream, name);
    }
}
