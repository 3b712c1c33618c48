using System.Diagnostics;
using System.IO.Compression;
using DocSync.Core.Reading;
using DocSync.Core.Rendering;
using DocSync.Core.Tests.Infrastructure;
using DocSync.Core.Tests.Rendering;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Tests.Reading;

/// <summary>Files that are empty, damaged, locked, of the wrong kind or too long, and tools that are missing or slow.</summary>
public sealed partial class DocumentReaderTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("docsync-reader-tests-").FullName;

    public void Dispose()
    {
        // Every reading deleted its own folder, whatever its outcome.
        Directory.GetFileSystemEntries(_temp).ShouldBeEmpty();
        Directory.Delete(_temp, recursive: true);
    }

    [Fact]
    public async Task ReadAsync_TextLayerPdf_ReadsItWithoutOcr()
    {
        var pdf = new DocumentPdfRenderer(new FakeTimeProvider(RenderSamples.Now)).Render(SampleDocuments.Invoice(), "en");

        var result = await ReadAsync(pdf, "F2025-0001.pdf");

        result.Outcome.ShouldBe(ReadOutcome.Read);
        result.Method.ShouldBe("text-layer");
        result.Pages.ShouldBe(1);
        result.Language.ShouldBe("en");
        result.Text.ShouldContain("Atelier Lumière BV");
        result.Fields.VatNumber!.Value.ShouldBe("BE0477472701");
        result.Fields.InvoiceNumber!.Value.ShouldBe("F2025-0001");
        result.Fields.InvoiceDate!.Value.ShouldBe("2025-06-01");
        result.Fields.DueDate!.Value.ShouldBe("2025-07-01");
        result.Fields.Total!.Value.ShouldBe("496.61");
        result.Fields.VatAmount!.Value.ShouldBe("81.60");
        result.Fields.Iban!.Value.ShouldBe("BE68539007547034");
        result.Fields.Currency!.Value.ShouldBe("EUR");
        result.Fields.SupplierName!.Value.ShouldBe("Atelier Lumière BV");
    }

    [Fact]
    public async Task ReadAsync_NonSeekableStream_IsCopiedAndRead()
    {
        var pdf = new DocumentPdfRenderer(new FakeTimeProvider(RenderSamples.Now)).Render(SampleDocuments.Invoice(), "nl");
        using var stream = new OneWayStream(pdf);

        var result = await Reader().ReadAsync(stream, "factuur.pdf");

        result.Outcome.ShouldBe(ReadOutcome.Read);
        result.Language.ShouldBe("nl");
        result.Fields.Total!.Value.ShouldBe("496.61");
    }

    [Fact]
    public async Task ReadAsync_EmptyFile_IsNoText()
    {
        var result = await ReadAsync([], "empty.pdf");

        result.Outcome.ShouldBe(ReadOutcome.NoText);
        result.Method.ShouldBe("none");
        result.Problem.ShouldBe("The file is empty.");
        result.Text.ShouldBeEmpty();
        result.Fields.ShouldBe(ExtractedFields.None);
    }

    [Fact]
    public async Task ReadAsync_RandomBytesNamedPdf_IsCorrupt()
    {
        var result = await ReadAsync(RandomBytes(4096, seed: 1), "invoice.pdf");

        result.Outcome.ShouldBe(ReadOutcome.Corrupt);
        result.Problem.ShouldBe("The file is named .pdf but its bytes are not a PDF document: it is damaged or of another kind.");
    }

    [Fact]
    public async Task ReadAsync_PdfHeaderThenRandomBytes_IsCorrupt()
    {
        var result = await ReadAsync([.. "%PDF-1.7\n"u8, .. RandomBytes(4096, seed: 2)], "invoice.pdf");

        result.Outcome.ShouldBe(ReadOutcome.Corrupt);
        result.Problem.ShouldStartWith("The PDF is damaged: ");
        result.Method.ShouldBe("none");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public async Task ReadAsync_TruncatedPdf_IsCorrupt(double kept)
    {
        var pdf = new DocumentPdfRenderer(new FakeTimeProvider(RenderSamples.Now)).Render(SampleDocuments.Invoice(), "fr");

        var result = await ReadAsync(pdf[..(int)(pdf.Length * kept)], "facture.pdf");

        result.Outcome.ShouldBe(ReadOutcome.Corrupt);
        result.Problem.ShouldStartWith("The PDF is damaged: ");
    }

    [Fact]
    public async Task ReadAsync_PdfNeedingAUserPassword_IsPasswordProtected()
    {
        var pdf = EncryptedPdf.Write("secret", "owner", "Invoice F2025-0099", "Total incl. VAT 121.00 EUR", "VAT BE 0477.472.701");

        // The file is a real encrypted PDF: poppler opens it with the password only.
        (await PdftotextAsync(pdf, "secret")).ShouldNotBeNull().ShouldContain("F2025-0099");
        (await PdftotextAsync(pdf, null)).ShouldBeNull();

        var result = await ReadAsync(pdf, "locked.pdf");

        result.Outcome.ShouldBe(ReadOutcome.PasswordProtected);
        result.Problem.ShouldBe("The PDF is protected by a password, so DocSync cannot open it.");
        result.Text.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadAsync_PdfEncryptedWithAnEmptyUserPassword_IsRead()
    {
        var pdf = EncryptedPdf.Write("", "owner", "Invoice F2025-0099", "Invoice date 01/06/2025", "Total incl. VAT 121.00 EUR", "VAT BE 0477.472.701");

        var result = await ReadAsync(pdf, "restricted.pdf");

        result.Outcome.ShouldBe(ReadOutcome.Read, result.Problem);
        result.Method.ShouldBe("text-layer");
        result.Fields.Total!.Value.ShouldBe("121.00");
        result.Fields.VatNumber!.Value.ShouldBe("BE0477472701");
    }

    [Fact]
    public async Task ReadAsync_BlankPng_IsNoText()
    {
        var png = await Pdftoppm.PageAsync(ImagePdf.Write(new ImagePdf.TextPage()), "png", 100);

        var result = await ReadAsync(png, "blank.png");

        result.Outcome.ShouldBe(ReadOutcome.NoText);
        result.Method.ShouldBe("ocr");
        result.Problem.ShouldBe("No text was found: the pages are blank, or pictures without words.");
    }

    [Fact]
    public async Task ReadAsync_DamagedPng_IsCorrupt()
    {
        var png = await Pdftoppm.PageAsync(ImagePdf.Write(new ImagePdf.TextPage("Hello")), "png", 100);

        var result = await ReadAsync(png[..(png.Length / 2)], "scan.png");

        result.Outcome.ShouldBe(ReadOutcome.Corrupt);
        result.Problem.ShouldStartWith("The image is damaged and cannot be decoded (");
    }

    [Fact]
    public async Task ReadAsync_Zip_IsUnsupported()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("invoice.txt").Open();
            entry.Write("Invoice F2025-0001"u8);
        }

        var result = await ReadAsync(zip.ToArray(), "invoices.zip");

        result.Outcome.ShouldBe(ReadOutcome.Unsupported);
        result.Problem.ShouldBe("A ZIP archive is not read as such: its files are unpacked and read one by one.");
    }

    [Fact]
    public async Task ReadAsync_UnknownBytes_IsUnsupported()
    {
        var result = await ReadAsync("just some notes"u8.ToArray(), "notes.txt");

        result.Outcome.ShouldBe(ReadOutcome.Unsupported);
        result.Problem.ShouldBe("DocSync reads PDF documents, JPEG, PNG, TIFF and HEIC images and e-invoices (UBL or CII XML); this file is none of them.");
    }

    [Fact]
    public async Task ReadAsync_HeicWithoutHeifConvert_IsUnsupportedWithTheReason()
    {
        byte[] heic = [0, 0, 0, 24, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8, 0, 0, 0, 8, .. "meta"u8];

        var result = await ReadAsync(heic, "IMG_0042.HEIC", o => o.HeifConvertPath = "/nonexistent/heif-convert");

        result.Outcome.ShouldBe(ReadOutcome.Unsupported);
        result.Problem.ShouldBe("HEIC images need heif-convert (libheif-examples) on the server.");
    }

    [Fact]
    public async Task ReadAsync_MorePagesThanMaxPages_ReadsTheFirstOnes()
    {
        var pdf = ImagePdf.Write(
            new ImagePdf.TextPage("Page one of the contract between the parties, signed in Gent."),
            new ImagePdf.TextPage("Page two of the contract, with the general terms and conditions."),
            new ImagePdf.TextPage("Page three of the contract, with the annexes and the signatures."));

        var result = await ReadAsync(pdf, "contract.pdf", o => o.MaxPages = 2);

        result.Outcome.ShouldBe(ReadOutcome.TooManyPages);
        result.Pages.ShouldBe(2);
        result.Text.ShouldContain("Page two");
        result.Text.ShouldNotContain("Page three");
        result.Problem.ShouldBe("Only the first 2 of 3 pages (DocSync:Reading:MaxPages is 2) were read.");
    }

    [Fact]
    public async Task ReadAsync_PdfWithATextPageAndAScannedPage_ReadsBoth()
    {
        var scan = await Pdftoppm.PageAsync(ImagePdf.Write(new ImagePdf.TextPage("INVOICE F2025-0042", "Total incl. VAT 1,210.00 EUR")), "jpeg", 150, gray: true);
        var pdf = ImagePdf.Write(
            new ImagePdf.TextPage("Dear customer, please find our invoice attached to this letter."),
            new ImagePdf.JpegPage(scan, 150));

        var result = await ReadAsync(pdf, "letter.pdf");

        result.Outcome.ShouldBe(ReadOutcome.Read, result.Problem);
        result.Method.ShouldBe("ocr");
        result.Pages.ShouldBe(2);
        result.Text.ShouldContain("please find our invoice");
        result.Text.ShouldContain("F2025-0042");
        result.Fields.Total!.Value.ShouldBe("1210.00");
    }

    [Fact]
    public async Task ReadAsync_TiffScan_IsRecognized()
    {
        var pdf = ImagePdf.Write(new ImagePdf.TextPage("INVOICE F2025-0077", "Invoice date 03/03/2025", "Total incl. VAT 99.95 EUR"));
        var tiff = await Pdftoppm.PageAsync(pdf, "tiff", 150, gray: true);

        var result = await ReadAsync(tiff, "scan.tif");

        result.Outcome.ShouldBe(ReadOutcome.Read, result.Problem);
        result.Pages.ShouldBe(1);
        result.Fields.InvoiceDate!.Value.ShouldBe("2025-03-03");
        result.Fields.Total!.Value.ShouldBe("99.95");
    }

    private DocumentReader Reader(Action<ReadingOptions>? configure = null)
    {
        var options = new ReadingOptions { TempPath = _temp, Dpi = 150 };
        configure?.Invoke(options);
        return new DocumentReader(Options.Create(options), NullLogger<DocumentReader>.Instance);
    }

    private async Task<ReadResult> ReadAsync(byte[] file, string name, Action<ReadingOptions>? configure = null)
    {
        using var stream = new MemoryStream(file);
        return await Reader(configure).ReadAsync(stream, name);
    }

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    // pdftotext's text, or null when it cannot open the file.

    private static async Task<string?> PdftotextAsync(byte[] pdf, string? password)
    {
        var path = Path.Combine(Path.GetTempPath(), $"docsync-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (password is not null)
            {
                start.ArgumentList.Add("-upw");
                start.ArgumentList.Add(password);
            }

            start.ArgumentList.Add(path);
            start.ArgumentList.Add("-");
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? await output : null;
        }
        finally
        {
            File.Delete(path);
        }
    }

    // A stream that can only be read forward, as a network download is.

    private sealed class OneWayStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Position { get => base.Position; set => throw new NotSupportedException(); }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    }
}
