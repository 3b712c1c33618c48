using System.Diagnostics;
using DocSync.Core.Reading;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Tests.Reading;

/// <summary>Tools that are slow or missing, cancellation, and the options as configured.</summary>
public sealed partial class DocumentReaderTests
{
    [Fact]
    public async Task ReadAsync_ToolSlowerThanTheTimeout_IsStoppedAndFailed()
    {
        var png = await Pdftoppm.PageAsync(ImagePdf.Write(new ImagePdf.TextPage("Slow", "page")), "png", 300);
        var clock = Stopwatch.StartNew();

        var result = await ReadAsync(png, "scan.png", o => o.Timeout = TimeSpan.FromMilliseconds(1));

        result.Outcome.ShouldBe(ReadOutcome.Failed);
        result.Problem.ShouldBe("tesseract took longer than 00:00:00.0010000 (DocSync:Reading:Timeout) and was stopped.");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task ReadAsync_ScannedPagesSlowerThanTheTimeout_FailWithTheTimeoutNotACancellation()
    {
        var scan = await Pdftoppm.PageAsync(ImagePdf.Write(new ImagePdf.TextPage("Page")), "jpeg", 72, gray: true);
        var pdf = ImagePdf.Write(new ImagePdf.JpegPage(scan, 72), new ImagePdf.JpegPage(scan, 72), new ImagePdf.JpegPage(scan, 72));

        var result = await ReadAsync(pdf, "scans.pdf", o => o.Timeout = TimeSpan.FromMilliseconds(1));

        result.Outcome.ShouldBe(ReadOutcome.Failed);
        result.Problem.ShouldBe("pdftoppm took longer than 00:00:00.0010000 (DocSync:Reading:Timeout) and was stopped.");
    }

    [Fact]
    public async Task ReadAsync_MissingTesseract_IsFailedWithTheReason()
    {
        var png = await Pdftoppm.PageAsync(ImagePdf.Write(new ImagePdf.TextPage("Hello")), "png", 100);

        var result = await ReadAsync(png, "scan.png", o => o.TesseractPath = "/nonexistent/tesseract");

        result.Outcome.ShouldBe(ReadOutcome.Failed);
        result.Problem.ShouldStartWith("tesseract could not be started (");
    }

    [Fact]
    public async Task ReadAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var stream = new MemoryStream(SampleDocuments.Pdf());

        await Should.ThrowAsync<OperationCanceledException>(() => Reader().ReadAsync(stream, "x.pdf", cancelled.Token));
    }

    [Fact]
    public void AddDocSyncReading_Configuration_BindsAndValidatesTheOptions()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DocSync:Reading:Dpi"] = "150",
            ["DocSync:Reading:Timeout"] = "00:00:30",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddDocSyncReading(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<ReadingOptions>>().Value;

        (options.Dpi, options.Timeout, options.MaxPages, options.Languages).ShouldBe((150, TimeSpan.FromSeconds(30), 20, "eng+fra+nld"));
        services.GetRequiredService<DocumentReader>().ShouldBeSameAs(services.GetRequiredService<DocumentReader>());
    }

    [Fact]
    public void AddDocSyncReading_BadSettings_FailValidationNamingThem()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DocSync:Reading:Dpi"] = "20",
            ["DocSync:Reading:Languages"] = "eng; rm -rf",
            ["DocSync:Reading:MaxConcurrency"] = "0",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddDocSyncReading(configuration).BuildServiceProvider();

        var error = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<ReadingOptions>>().Value);

        error.Failures.ShouldBe(
        [
            "DocSync:Reading:Languages must be tesseract language codes joined by '+', e.g. eng+fra+nld.",
            "DocSync:Reading:Dpi must be between 72 and 1200.",
            "DocSync:Reading:MaxConcurrency must be between 1 and 64.",
        ]);
    }
}
