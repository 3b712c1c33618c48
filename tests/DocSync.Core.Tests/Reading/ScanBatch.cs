using System.Diagnostics;
using DocSync.Core.Reading;
using DocSync.Core.Rendering;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Tests.Reading;

/// <summary>
/// A batch of <see cref="SampleInvoices"/> read once per test class in three forms: the rendered PDF
/// (text layer), a 200-dpi PNG "scan" of it, and a 200-dpi JPEG of it wrapped in an image-only PDF.
/// Everything is deterministic: the seed, the renderer's clock, pdftoppm and tesseract.
/// </summary>
public sealed class ScanBatch : IAsyncLifetime
{
    public const int Seed = 20250601;
    public const int PerLanguage = 4;
    public const int Dpi = 200;

    public static readonly string[] Forms = ["text-layer", "png-scan", "image-pdf"];

    private readonly Dictionary<(string Form, int Sample), ReadResult> _results = [];

    public IReadOnlyList<SampleInvoices.Sample> Samples { get; } = SampleInvoices.Generate(Seed, PerLanguage);

    public Dictionary<int, byte[]> Jpegs { get; } = [];

    public TimeSpan Elapsed { get; private set; }

    public DocumentReader Reader { get; } = new(
        Options.Create(new ReadingOptions { Dpi = Dpi, MaxConcurrency = 2 }),
        NullLogger<DocumentReader>.Instance);

    public ReadResult Result(string form, int sample) => _results[(form, sample)];

    /// <summary>The first sample in a language.</summary>
    public int First(string language) => Samples.Select((s, i) => (s, i)).First(p => p.s.Language == language).i;

    public async Task InitializeAsync()
    {
        var began = Stopwatch.GetTimestamp();
        var renderer = new DocumentPdfRenderer(new FakeTimeProvider(new DateTimeOffset(2025, 6, 16, 9, 0, 0, TimeSpan.Zero)));
        using var rasterizing = new SemaphoreSlim(2);
        var reads = Samples.Select(async (sample, index) =>
        {
            var pdf = renderer.Render(sample.Content, sample.Language);
            var text = ReadAsync("text-layer", index, pdf, "invoice.pdf");
            byte[] png, jpeg;
            await rasterizing.WaitAsync();
            try
            {
                png = await Pdftoppm.PageAsync(pdf, "png", Dpi);
                jpeg = await Pdftoppm.PageAsync(pdf, "jpeg", Dpi);
            }
            finally
            {
                rasterizing.Release();
            }

            lock (Jpegs)
            {
                Jpegs[index] = jpeg;
            }

            await Task.WhenAll(
                text,
                ReadAsync("png-scan", index, png, "scan.png"),
                ReadAsync("image-pdf", index, ImagePdf.Write(new ImagePdf.JpegPage(jpeg, Dpi)), "scan.pdf"));
        });
        await Task.WhenAll(reads);
        Elapsed = Stopwatch.GetElapsedTime(began);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task ReadAsync(string form, int index, byte[] file, string name)
    {
        using var stream = new MemoryStream(file);
        var result = await Reader.ReadAsync(stream, name);
        lock (_results)
        {
            _results[(form, index)] = result;
        }
    }
}
